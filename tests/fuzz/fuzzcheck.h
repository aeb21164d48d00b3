// Shared by the fuzz targets: an invariant that must hold for every input. A failure prints
// what was expected and aborts, which libFuzzer reports as a crash with the input saved.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#define FUZZ_CHECK(condition, detail)                                                                \
    do {                                                                                             \
        if (!(condition)) {                                                                          \
            std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s\n  %s\n", __FILE__, __LINE__,      \
                         #condition, std::string(detail).c_str());                                   \
            std::abort();                                                                            \
        }                                                                                            \
    } while (false)
