// Small ASCII text helpers shared across kubeclient (header names, rule text, command output):
// one definition of trimming and case folding instead of one per file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

namespace kube::text {

// Without leading and trailing ASCII white space (space, \t, \n, \v, \f, \r).
std::string_view trim(std::string_view s);
// ASCII lower case; other bytes (UTF-8 included) are kept as they are.
std::string toLower(std::string s);
// Whether `s` starts with `prefix`, ASCII case ignored.
bool startsWithNoCase(std::string_view s, std::string_view prefix);
// Every occurrence of each secret in `text` replaced by "[redacted]". Secrets shorter than
// kMinRedactedSecret are skipped: replacing every "abc" of a message would garble it and say
// what the secret is by where the holes are.
constexpr std::size_t kMinRedactedSecret = 6;
std::string redactSecrets(std::string text, const std::vector<std::string> &secrets);

// Offset of the first byte that is not part of a well-formed UTF-8 sequence, npos when all are.
std::size_t invalidUtf8Offset(std::string_view s);
// yaml-cpp 0.7 decodes the YAML escapes \N (U+0085) and \_ (U+00A0) of a double-quoted scalar
// into the single bytes 0x85 and 0xA0 instead of their UTF-8. In a scalar read from valid UTF-8
// text every other character is whole, so a lone byte 0x85 or 0xA0 can only come from those
// escapes: this writes each as its two-byte UTF-8 and leaves everything else as it is.
std::string utf8OfYamlCppScalar(std::string s);
// The code point of the UTF-8 sequence at s[i], its length in bytes to `width`. A byte that
// starts no sequence that fits in `s` is taken as itself, width 1.
std::uint32_t decodeUtf8(std::string_view s, std::size_t i, std::size_t &width);
// Whether go-yaml writes code point c as it is (its test of YAML's c-printable): not a control
// character but LF, not the byte order mark, not U+FFFE or U+FFFF.
bool isYamlPrintable(std::uint32_t c);
// What go-yaml writes for code point c inside a double-quoted scalar when it may not stand as it
// is there (\n for a line feed, \x7F, \uFEFF, \uFFFF, \U0010FFFF), empty when it may.
std::string yamlDoubleQuotedEscape(std::uint32_t c);
// Offset of the first byte that cannot be YAML text (go-yaml refuses it, and yaml-cpp takes NUL
// bytes as a sign of UTF-16 or UTF-32): invalid UTF-8, or a control character other than tab,
// LF and CR. npos when there is none.
std::size_t nonTextOffset(std::string_view s);
// "invalid UTF-8 at column 14 (byte \xFE)" or "control character 0x01 at column 3" for the
// byte at `offset`; its 1-based line goes to `line`.
std::string describeNonText(std::string_view s, std::size_t offset, std::size_t &line);
// 1-based line and column (in bytes) of an offset, for "file:line" in messages.
std::pair<std::size_t, std::size_t> lineColumnOf(std::string_view s, std::size_t offset);
// Text fit for a message, a terminal and JSON: control bytes (but \n and \t when keepLayout) and
// bytes of invalid UTF-8 become \xNN; at most maxBytes of the input, cut at a character
// boundary, then "... (N bytes)".
std::string printable(std::string_view s, std::size_t maxBytes = std::string_view::npos, bool keepLayout = false);
// Why `text` is not JSON, in words with the place: "it ends in the middle of a value (byte 120 of
// 120)", "invalid UTF-8 at byte 57 (line 1, column 58)", "a number too large for a double at
// byte 60". Empty when it parses. `offset`, when given, receives the 0-based byte it names.
std::string jsonProblem(std::string_view text, std::size_t *offset = nullptr);
// The <title> of an HTML page (a proxy's or load balancer's error page), empty when none.
std::string htmlTitle(const std::string &body);

} // namespace kube::text
