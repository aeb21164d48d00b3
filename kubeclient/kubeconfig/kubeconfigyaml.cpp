// go-yaml v2 scalar resolution (ints, floats, bools, nulls, timestamps as go-yaml reads them), so
// that `tenantryctl config view` prints byte-for-byte what `kubectl config view` prints; the
// emitter is kubeconfigyamlemitter.cpp.
#include "kubeclient/kubeconfig/kubeconfigyaml.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace kube {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// strconv.ParseInt/ParseUint with base 0 (sign, 0x/0o/0b prefixes, leading-zero octal).
bool parseGoInt(std::string_view s, bool allowSign, bool &negative, std::uint64_t &magnitude)
{
    negative = false;
    if (s.empty())
        return false;
    if (s[0] == '+' || s[0] == '-') {
        if (!allowSign)
            return false;
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.empty())
        return false;
    int base = 10;
    if (s.size() >= 2 && s[0] == '0') {
        const char p = char(s[1] | 0x20);
        if (p == 'x') {
            base = 16;
            s.remove_prefix(2);
        } else if (p == 'o') {
            base = 8;
            s.remove_prefix(2);
        } else if (p == 'b') {
            base = 2;
            s.remove_prefix(2);
        } else {
            base = 8;
            s.remove_prefix(1);
        }
        if (s.empty())
            return false;
    }
    std::uint64_t v = 0;
    for (char c : s) {
        int d;
        if (isDigit(c))
            d = c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            d = (c | 0x20) - 'a' + 10;
        else
            return false;
        if (d >= base)
            return false;
        if (v > (std::numeric_limits<std::uint64_t>::max() - std::uint64_t(d)) / std::uint64_t(base))
            return false;
        v = v * std::uint64_t(base) + std::uint64_t(d);
    }
    magnitude = v;
    return true;
}

// go-yaml's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool isYamlStyleFloat(std::string_view s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const std::size_t start = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == start)
            return false;
    } else {
        const std::size_t start = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == start)
            return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            while (i < s.size() && isDigit(s[i]))
                ++i;
        }
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        const std::size_t start = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == start)
            return false;
    }
    return i == s.size();
}

// Go's strconv.ParseFloat is more permissive than the regex, but go-yaml only calls it for
// '.'-prefixed text and regex matches. from_chars, unlike strtod, ignores the C locale (a Qt
// application runs with the user's, where the decimal point may be a comma).
bool parseFloat(std::string_view s, double &out)
{
    if (!s.empty() && s[0] == '+')
        s.remove_prefix(1);
    if (s.empty())
        return false;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), out);
    return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

// go-yaml's parseTimestamp: four digits, a dash, then one of its accepted layouts.
bool looksLikeTimestamp(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i != 4 || i == s.size() || s[i] != '-')
        return false;
    // Date part: YYYY-M(M)-D(D)
    auto digits = [&](std::size_t &pos, int minN, int maxN) {
        const std::size_t start = pos;
        while (pos < s.size() && isDigit(s[pos]) && int(pos - start) < maxN)
            ++pos;
        return int(pos - start) >= minN;
    };
    std::size_t p = 5;
    if (!digits(p, 1, 2) || p >= s.size() || s[p] != '-')
        return false;
    ++p;
    if (!digits(p, 1, 2))
        return false;
    if (p == s.size())
        return true;
    if (s[p] != 'T' && s[p] != 't' && s[p] != ' ')
        return false;
    ++p;
    if (!digits(p, 1, 2) || p >= s.size() || s[p] != ':')
        return false;
    ++p;
    if (!digits(p, 1, 2) || p >= s.size() || s[p] != ':')
        return false;
    ++p;
    if (!digits(p, 1, 2))
        return false;
    if (p < s.size() && s[p] == '.') {
        ++p;
        if (!digits(p, 1, 9))
            return false;
    }
    if (p == s.size())
        return true;
    if (s[p] == 'Z')
        return p + 1 == s.size();
    if (s[p] == '+' || s[p] == '-') {
        ++p;
        if (!digits(p, 2, 2) || p >= s.size() || s[p] != ':')
            return false;
        ++p;
        return digits(p, 2, 2) && p == s.size();
    }
    return false;
}

} // namespace

KubeconfigYaml::Scalar KubeconfigYaml::resolvePlain(std::string_view in)
{
    Scalar r;
    static const char *const kTrue[] = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
    static const char *const kFalse[] = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};
    static const char *const kNull[] = {"", "~", "null", "Null", "NULL"};
    for (const char *t : kNull)
        if (in == t) {
            r.type = ScalarType::Null;
            return r;
        }
    for (const char *t : kTrue)
        if (in == t) {
            r.type = ScalarType::Bool;
            r.boolValue = true;
            return r;
        }
    for (const char *t : kFalse)
        if (in == t) {
            r.type = ScalarType::Bool;
            return r;
        }
    static const char *const kPosInf[] = {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"};
    static const char *const kNegInf[] = {"-.inf", "-.Inf", "-.INF"};
    static const char *const kNan[] = {".nan", ".NaN", ".NAN"};
    for (const char *t : kPosInf)
        if (in == t) {
            r.type = ScalarType::Float;
            r.floatValue = std::numeric_limits<double>::infinity();
            return r;
        }
    for (const char *t : kNegInf)
        if (in == t) {
            r.type = ScalarType::Float;
            r.floatValue = -std::numeric_limits<double>::infinity();
            return r;
        }
    for (const char *t : kNan)
        if (in == t) {
            r.type = ScalarType::Float;
            r.floatValue = std::numeric_limits<double>::quiet_NaN();
            return r;
        }
    const char c = in[0];
    if (c == '.') {
        if (parseFloat(in, r.floatValue) && isYamlStyleFloat(in)) {
            r.type = ScalarType::Float;
            return r;
        }
        return r;
    }
    if (!(isDigit(c) || c == '+' || c == '-'))
        return r;
    if (looksLikeTimestamp(in)) {
        r.type = ScalarType::Timestamp;
        return r;
    }
    std::string plain;
    plain.reserve(in.size());
    for (char ch : in)
        if (ch != '_')
            plain += ch;
    bool negative = false;
    std::uint64_t magnitude = 0;
    if (parseGoInt(plain, true, negative, magnitude)) {
        if (!negative && magnitude <= std::uint64_t(std::numeric_limits<std::int64_t>::max())) {
            r.type = ScalarType::Int;
            r.intValue = std::int64_t(magnitude);
            return r;
        }
        if (negative && magnitude <= std::uint64_t(std::numeric_limits<std::int64_t>::max()) + 1u) {
            r.type = ScalarType::Int;
            r.intValue = magnitude == std::uint64_t(std::numeric_limits<std::int64_t>::max()) + 1u
                             ? std::numeric_limits<std::int64_t>::min()
                             : -std::int64_t(magnitude);
            return r;
        }
        if (!negative) {
            r.type = ScalarType::UInt;
            r.uintValue = magnitude;
            return r;
        }
    }
    if (isYamlStyleFloat(plain) && parseFloat(plain, r.floatValue)) {
        r.type = ScalarType::Float;
        return r;
    }
    return r;
}

nlohmann::json KubeconfigYaml::plainToJson(std::string_view text)
{
    const Scalar s = resolvePlain(text);
    switch (s.type) {
    case ScalarType::Null:
        return nullptr;
    case ScalarType::Bool:
        return s.boolValue;
    case ScalarType::Int:
        return s.intValue;
    case ScalarType::UInt:
        return s.uintValue;
    case ScalarType::Float:
        // JSON numbers pass through Go's float64 and back: integral values print as integers.
        if (std::isfinite(s.floatValue) && std::floor(s.floatValue) == s.floatValue && std::fabs(s.floatValue) < 1e18)
            return std::int64_t(s.floatValue);
        return s.floatValue;
    case ScalarType::Timestamp:
    case ScalarType::String:
        return std::string(text);
    }
    return std::string(text);
}

} // namespace kube
