"""Media monitoring (issue 14): watched subjects, their mentions in stored articles,
the tone of each mention, and the analyses a press officer reads every morning."""
