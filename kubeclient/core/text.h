// Small ASCII text helpers shared across kubeclient (header names, rule text, command output):
// one definition of trimming and case folding instead of one per file.
#pragma once

#include <string>
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

} // namespace kube::text
