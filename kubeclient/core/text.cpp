// Small ASCII text helpers shared across kubeclient. Locale-free on purpose: a Qt application
// runs with the user's locale, and HTTP headers or RBAC rule text must not depend on it.
#include "kubeclient/core/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>

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

namespace kube::text {

namespace {

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlongs, no surrogates,
// at most U+10FFFF), 0 when it is not one.
std::size_t utf8Length(std::string_view s, std::size_t i)
{
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80)
        return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (i + n > s.size())
        return 0;
    if (b(i + 1) < lo || b(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(i + k) < 0x80 || b(i + k) > 0xBF)
            return 0;
    return n;
}

void appendHex(std::string &out, unsigned char c)
{
    static const char digits[] = "0123456789ABCDEF";
    out += "\\x";
    out += digits[c >> 4];
    out += digits[c & 0xF];
}

} // namespace

std::size_t invalidUtf8Offset(std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8Length(s, i);
        if (n == 0)
            return i;
        i += n;
    }
    return std::string_view::npos;
}

std::uint32_t decodeUtf8(std::string_view s, std::size_t i, std::size_t &width)
{
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (i + n > s.size())
        n = 1;
    width = n;
    if (n == 1)
        return c;
    std::uint32_t v = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < n; ++k)
        v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return v;
}

bool isYamlPrintable(std::uint32_t c)
{
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF)
           || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::string yamlDoubleQuotedEscape(std::uint32_t c)
{
    switch (c) {
    case 0x00: return "\\0";
    case 0x07: return "\\a";
    case 0x08: return "\\b";
    case 0x09: return "\\t";
    case 0x0A: return "\\n";
    case 0x0B: return "\\v";
    case 0x0C: return "\\f";
    case 0x0D: return "\\r";
    case 0x1B: return "\\e";
    case 0x22: return "\\\"";
    case 0x5C: return "\\\\";
    case 0x85: return "\\N";
    case 0x2028: return "\\L";
    case 0x2029: return "\\P";
    default:
        break;
    }
    if (isYamlPrintable(c))
        return {};
    char buf[16];
    if (c <= 0xFF)
        std::snprintf(buf, sizeof buf, "\\x%02X", unsigned(c));
    else if (c <= 0xFFFF)
        std::snprintf(buf, sizeof buf, "\\u%04X", unsigned(c));
    else
        std::snprintf(buf, sizeof buf, "\\U%08X", unsigned(c));
    return buf;
}

std::string utf8OfYamlCppScalar(std::string s)
{
    std::size_t i = invalidUtf8Offset(s);
    if (i == std::string::npos)
        return s;
    std::string out = s.substr(0, i);
    out.reserve(s.size() + 8);
    while (i < s.size()) {
        const std::size_t n = utf8Length(s, i);
        if (n > 0) {
            out.append(s, i, n);
            i += n;
            continue;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0x85 || c == 0xA0)
            out += '\xC2';
        out += s[i];
        ++i;
    }
    return out;
}

std::pair<std::size_t, std::size_t> lineColumnOf(std::string_view s, std::size_t offset)
{
    offset = std::min(offset, s.size());
    std::size_t line = 1, lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (s[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return {line, offset - lineStart + 1};
}

std::string printable(std::string_view s, std::size_t maxBytes, bool keepLayout)
{
    std::string out;
    const std::size_t limit = std::min(maxBytes, s.size());
    std::size_t i = 0;
    while (i < limit) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = utf8Length(s, i);
        if (n == 0) {
            appendHex(out, c);
            ++i;
        } else if (n == 1) {
            if ((c < 0x20 || c == 0x7F) && !(keepLayout && (c == '\n' || c == '\t')))
                appendHex(out, c);
            else
                out += char(c);
            ++i;
        } else {
            if (i + n > limit)
                break;  // never cut a character in two
            out.append(s.substr(i, n));
            i += n;
        }
    }
    if (i < s.size())
        out += "... (" + std::to_string(s.size()) + " bytes)";
    return out;
}

std::string jsonProblem(std::string_view text, std::size_t *offset)
{
    if (offset)
        *offset = 0;
    try {
        const auto parsed = nlohmann::json::parse(text);
        (void)parsed;
        return {};
    } catch (const nlohmann::json::parse_error &e) {
        const std::size_t at = std::min(e.byte > 0 ? e.byte - 1 : 0, text.size());
        if (offset)
            *offset = at;
        const auto [line, column] = lineColumnOf(text, at);
        const std::string place = "byte " + std::to_string(at + 1) + " of " + std::to_string(text.size())
                                + " (line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
        if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
            return "it is empty";
        // nlohmann stops at a NUL byte as at the end of the input; name the NUL instead.
        if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos && nul <= at) {
            if (offset)
                *offset = nul;
            const auto [l, c] = lineColumnOf(text, nul);
            return "a NUL byte at byte " + std::to_string(nul + 1) + " (line " + std::to_string(l) + ", column "
                 + std::to_string(c) + ")";
        }
        if (e.byte >= text.size() + 1 || std::string_view(e.what()).find("unexpected end of input") != std::string_view::npos) {
            const auto [l, c] = lineColumnOf(text, text.size());
            if (offset)
                *offset = text.size();
            return "it ends in the middle of a value after byte " + std::to_string(text.size()) + " (line " + std::to_string(l)
                 + ", column " + std::to_string(c) + "): truncated";
        }
        if (const std::size_t bad = invalidUtf8Offset(text); bad != std::string_view::npos && bad <= at) {
            if (offset)
                *offset = bad;
            const auto [l, c] = lineColumnOf(text, bad);
            return "invalid UTF-8 at byte " + std::to_string(bad + 1) + " (line " + std::to_string(l) + ", column "
                 + std::to_string(c) + ")";
        }
        // nlohmann's text after "- " says what it met ("invalid literal", "unexpected '}'").
        std::string what = e.what();
        if (auto dash = what.find(" - "); dash != std::string::npos)
            what = what.substr(dash + 3);
        if (auto last = what.find("; last read"); last != std::string::npos)
            what = what.substr(0, last);
        if (what.rfind("[json.exception", 0) == 0)
            what = "syntax error";
        return printable(what, 120) + " at " + place;
    } catch (const nlohmann::json::out_of_range &) {
        return "a number too large for a double";
    } catch (const nlohmann::json::exception &) {
        return "not JSON";
    }
}

std::string htmlTitle(const std::string &body)
{
    std::string head = body.substr(0, 4096);
    std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    const auto open = head.find("<title");
    if (open == std::string::npos)
        return {};
    const auto start = head.find('>', open);
    const auto end = head.find("</title>", open);
    if (start == std::string::npos || end == std::string::npos || end <= start)
        return {};
    return std::string(trim(printable(body.substr(start + 1, end - start - 1), 120)));
}

std::size_t nonTextOffset(std::string_view s)
{
    const std::size_t invalid = invalidUtf8Offset(s);
    const auto control = std::find_if(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F;
    });
    const std::size_t controlAt =
        control == s.end() ? std::string_view::npos : static_cast<std::size_t>(control - s.begin());
    return std::min(invalid, controlAt);
}

std::string describeNonText(std::string_view s, std::size_t offset, std::size_t &line)
{
    const auto [l, column] = lineColumnOf(s, offset);
    line = l;
    if (offset < s.size() && static_cast<unsigned char>(s[offset]) < 0x80) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(s[offset]));
        return std::string("control character ") + hex + " at column " + std::to_string(column);
    }
    return "invalid UTF-8 at column " + std::to_string(column) + " (byte " + printable(s.substr(offset, 1)) + ")";
}

} // namespace kube::text
