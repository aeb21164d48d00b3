// Small ASCII text helpers shared across kubeclient. Locale-free on purpose: a Qt application
// runs with the user's locale, and HTTP headers or RBAC rule text must not depend on it.
#include "kubeclient/core/text.h"

namespace kube::text {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

} // namespace

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string toLower(std::string s)
{
    for (char &c : s)
        c = lowerAscii(c);
    return s;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lowerAscii(s[i]) != lowerAscii(prefix[i]))
            return false;
    return true;
}

std::string redactSecrets(std::string text, const std::vector<std::string> &secrets)
{
    static const std::string kMark = "[redacted]";
    for (const auto &secret : secrets) {
        if (secret.size() < kMinRedactedSecret)
            continue;
        for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kMark.size()))
            text.replace(at, secret.size(), kMark);
    }
    return text;
}

} // namespace kube::text
