// UTF-8 validation for text read from users' files. go-yaml (and so kubectl) refuses YAML that
// is not UTF-8; yaml-cpp does not, and nlohmann::json throws when it later dumps such a string.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kube::utf8 {

// The byte offset of the first invalid UTF-8 sequence (stray continuation byte, overlong form,
// surrogate, beyond U+10FFFF, truncated), or npos when `s` is valid UTF-8.
std::size_t firstInvalid(std::string_view s);

// The offset of the first byte that cannot be YAML text: invalid UTF-8 as above, or a control
// character other than tab, LF and CR (go-yaml: "control characters are not allowed"; yaml-cpp
// instead takes NUL bytes as a sign of UTF-16 or UTF-32 and decodes the file into garbage).
std::size_t firstNonText(std::string_view s);
// "invalid UTF-8 at byte 12" or "control character 0x01 at byte 0", for error messages.
std::string describeNonText(std::string_view s, std::size_t offset);

// 1-based line of a byte offset, for "file:line" in error messages.
int lineOf(std::string_view s, std::size_t offset);

} // namespace kube::utf8
