"""Hand-written event facts and paragraph blocks from which the demo articles are composed."""
