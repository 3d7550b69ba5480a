// Ink imports react-devtools-core only when DEV=true; it is not installed.
export default {};
