// The declaration is all this target holds; libFuzzer defines the function.
