#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, called from each target's own main: SwiftPM names an executable's entry
// point itself, so the targets cannot take libFuzzer's `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
