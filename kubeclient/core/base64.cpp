// Base64 encoding and the two decoders; written here because OpenSSL's EVP decoder is lenient
// about padding and whitespace in ways that would accept kubeconfigs kubectl rejects.
#include "kubeclient/core/base64.h"

#include <array>

namespace kube {

namespace {

constexpr char kStdAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int valueOf(char c, bool urlSafe)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (!urlSafe && c == '+')
        return 62;
    if (!urlSafe && c == '/')
        return 63;
    if (urlSafe && c == '-')
        return 62;
    if (urlSafe && c == '_')
        return 63;
    return -1;
}

} // namespace

std::string Base64::encode(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8 | (unsigned char)bytes[i + 2];
        out += kStdAlphabet[(v >> 18) & 63];
        out += kStdAlphabet[(v >> 12) & 63];
        out += kStdAlphabet[(v >> 6) & 63];
        out += kStdAlphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const unsigned v = (unsigned char)bytes[i] << 16;
        out += kStdAlphabet[(v >> 18) & 63];
        out += kStdAlphabet[(v >> 12) & 63];
        out += "==";
    } else if (rest == 2) {
        const unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8;
        out += kStdAlphabet[(v >> 18) & 63];
        out += kStdAlphabet[(v >> 12) & 63];
        out += kStdAlphabet[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

std::optional<std::string> Base64::decode(std::string_view text, std::size_t *badOffset)
{
    // Mirrors Go's base64.StdEncoding.Decode: quanta of four symbols, '=' only at the end of
    // the input, CR and LF skipped anywhere, and the reported offset is the offending byte.
    std::string out;
    out.reserve(text.size() / 4 * 3);
    auto fail = [&](std::size_t at) -> std::optional<std::string> {
        if (badOffset)
            *badOffset = at;
        return std::nullopt;
    };
    std::size_t i = 0;
    const std::size_t n = text.size();
    auto skipNewlines = [&] {
        while (i < n && (text[i] == '\r' || text[i] == '\n'))
            ++i;
    };
    while (true) {
        skipNewlines();
        if (i >= n)
            return out;
        std::array<int, 4> q{};
        std::size_t got = 0;
        std::size_t lastPos = i;
        for (; got < 4; ++got) {
            skipNewlines();
            if (i >= n) {
                // Input ended inside a quantum: Go reports the byte after the last symbol
                // (or where the quantum began when it held a single symbol).
                return fail(got == 1 ? lastPos : n);
            }
            const char c = text[i];
            if (c == '=') {
                // Padding: valid only in positions 2 or 3 of a quantum and only at the end.
                if (got < 2)
                    return fail(i);
                const std::size_t padAt = i;
                ++i;
                if (got == 2) {
                    skipNewlines();
                    if (i >= n || text[i] != '=')
                        return fail(i >= n ? n : padAt);
                    ++i;
                }
                skipNewlines();
                if (i < n)
                    return fail(i);
                const unsigned v = (unsigned)q[0] << 18 | (unsigned)q[1] << 12 | (got == 3 ? (unsigned)q[2] << 6 : 0u);
                out += char((v >> 16) & 0xff);
                if (got == 3)
                    out += char((v >> 8) & 0xff);
                return out;
            }
            const int v = valueOf(c, false);
            if (v < 0)
                return fail(i);
            q[got] = v;
            lastPos = i;
            ++i;
        }
        const unsigned v = (unsigned)q[0] << 18 | (unsigned)q[1] << 12 | (unsigned)q[2] << 6 | (unsigned)q[3];
        out += char((v >> 16) & 0xff);
        out += char((v >> 8) & 0xff);
        out += char(v & 0xff);
    }
}

std::optional<std::string> Base64::decodeUrl(std::string_view text)
{
    while (!text.empty() && text.back() == '=')
        text.remove_suffix(1);
    if (text.size() % 4 == 1)
        return std::nullopt;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    unsigned acc = 0;
    int bits = 0;
    for (char c : text) {
        const int v = valueOf(c, true);
        if (v < 0)
            return std::nullopt;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((acc >> bits) & 0xff);
        }
    }
    return out;
}

} // namespace kube
