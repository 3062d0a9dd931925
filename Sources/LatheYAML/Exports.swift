// Diagnostics are part of the reader's API: whoever reads YAML gets the types its errors use.
@_exported import LatheDiagnostics
