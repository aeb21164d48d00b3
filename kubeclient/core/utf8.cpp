// UTF-8 validation (RFC 3629 well-formed sequences, the table of Unicode's chapter 3).
#include "kubeclient/core/utf8.h"

#include <algorithm>
#include <cstdio>

namespace kube::utf8 {

std::size_t firstInvalid(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0;  // overlong
            else if (c == 0xED)
                high = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;  // overlong
            else if (c == 0xF4)
                high = 0x8F;  // beyond U+10FFFF
        } else {
            return i;  // continuation byte, C0/C1 (overlong) or F5..FF
        }
        if (i + length > s.size())
            return i;
        const auto second = static_cast<unsigned char>(s[i + 1]);
        if (second < low || second > high)
            return i;
        for (std::size_t k = 2; k < length; ++k) {
            const auto next = static_cast<unsigned char>(s[i + k]);
            if (next < 0x80 || next > 0xBF)
                return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

std::size_t firstNonText(std::string_view s)
{
    const std::size_t invalid = firstInvalid(s);
    const auto control = std::find_if(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F;
    });
    const auto controlAt = control == s.end() ? std::string_view::npos : static_cast<std::size_t>(control - s.begin());
    return std::min(invalid, controlAt);
}

std::string describeNonText(std::string_view s, std::size_t offset)
{
    if (offset < s.size() && static_cast<unsigned char>(s[offset]) < 0x80) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(s[offset]));
        return std::string("control character ") + hex + " at byte " + std::to_string(offset);
    }
    return "invalid UTF-8 at byte " + std::to_string(offset);
}

int lineOf(std::string_view s, std::size_t offset)
{
    offset = std::min(offset, s.size());
    return 1 + static_cast<int>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

} // namespace kube::utf8
