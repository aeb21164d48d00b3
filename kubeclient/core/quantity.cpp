// Quantity: a small base-10^9 magnitude arithmetic plus apimachinery's parse and canonical rules.
// The rules follow k8s.io/apimachinery/pkg/api/resource (quantity.go, amount.go, suffix.go).
#include "kubeclient/core/quantity.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>
#include <utility>

namespace kube {

namespace {

using Limbs = std::vector<std::uint32_t>;

// One limb holds nine decimal digits: the largest power of ten whose products with our small
// multipliers (<= 10^9) still fit in 64 bits.
constexpr std::uint32_t kLimbBase = 1'000'000'000;
constexpr int kLimbDigits = 9;

// The server rounds every parsed quantity up to nano units (10^-9): "you asked for some,
// you get some" (quantity.go ParseQuantity).
constexpr std::int64_t kNanoExponent = -9;

// apimachinery rejects exponents that do not fit its int32 Scale (quantity_test.go
// TestInterpretExponentInt32Bounds) instead of silently truncating them.
constexpr std::int64_t kMaxDecimalExponent = std::numeric_limits<std::int32_t>::max();

// BinarySI suffixes stop at Ei (2^60); a value needing a larger base-1024 exponent is printed
// in exponent notation instead (quantity_test.go TestBinarySIPastEiArithmeticRoundTrip).
constexpr int kMaxBinaryExponent = 6;
// A value with 10^70 as a factor is divisible by 2^70 = 1024^7, past Ei, so it can never take
// a binary suffix; checking this first avoids expanding enormous exponents into digits.
constexpr std::int64_t kBinaryHopelessExponent = 70;

// An exact sum of "1e2000000000" and "1" needs two billion digits. No real quantity comes
// near this bound (int64 has 19 digits); beyond it the smaller operand is absorbed instead of
// exhausting memory on hostile input.
constexpr std::int64_t kMaxExactDigits = 1'000'000;

constexpr std::array<std::uint32_t, kLimbDigits> kPow10 = {
    1, 10, 100, 1'000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000};

void trim(Limbs &a)
{
    while (!a.empty() && a.back() == 0)
        a.pop_back();
}

Limbs fromUint64(std::uint64_t v)
{
    Limbs out;
    while (v != 0) {
        out.push_back(static_cast<std::uint32_t>(v % kLimbBase));
        v /= kLimbBase;
    }
    return out;
}

// digits: only '0'..'9', any length, leading zeros allowed.
Limbs fromDigits(std::string_view digits)
{
    Limbs out;
    out.reserve(digits.size() / kLimbDigits + 1);
    std::size_t end = digits.size();
    while (end > 0) {
        const std::size_t begin = end >= kLimbDigits ? end - kLimbDigits : 0;
        std::uint32_t limb = 0;
        for (std::size_t i = begin; i < end; ++i)
            limb = limb * 10 + static_cast<std::uint32_t>(digits[i] - '0');
        out.push_back(limb);
        end = begin;
    }
    trim(out);
    return out;
}

std::string toDigits(const Limbs &a)
{
    if (a.empty())
        return "0";
    std::string out = std::to_string(a.back());
    for (std::size_t i = a.size() - 1; i-- > 0;) {
        const std::string part = std::to_string(a[i]);
        out.append(kLimbDigits - part.size(), '0');
        out += part;
    }
    return out;
}

std::int64_t digitCount(const Limbs &a)
{
    if (a.empty())
        return 0;
    std::int64_t top = 1;
    for (std::uint32_t v = a.back(); v >= 10; v /= 10)
        ++top;
    return static_cast<std::int64_t>(a.size() - 1) * kLimbDigits + top;
}

int compareMagnitude(const Limbs &a, const Limbs &b)
{
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    for (std::size_t i = a.size(); i-- > 0;) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

Limbs addMagnitude(const Limbs &a, const Limbs &b)
{
    Limbs out(std::max(a.size(), b.size()) + 1, 0);
    std::uint32_t carry = 0;
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        std::uint32_t s = carry;
        s += i < a.size() ? a[i] : 0;
        s += i < b.size() ? b[i] : 0;
        carry = s >= kLimbBase ? 1 : 0;
        out[i] = s - carry * kLimbBase;
    }
    out.back() = carry;
    trim(out);
    return out;
}

// a - b, requires a >= b.
Limbs subMagnitude(const Limbs &a, const Limbs &b)
{
    Limbs out(a.size(), 0);
    std::int64_t borrow = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        std::int64_t d = static_cast<std::int64_t>(a[i]) - borrow - (i < b.size() ? b[i] : 0);
        borrow = d < 0 ? 1 : 0;
        out[i] = static_cast<std::uint32_t>(d + borrow * kLimbBase);
    }
    trim(out);
    return out;
}

void mulSmall(Limbs &a, std::uint32_t m)
{
    std::uint64_t carry = 0;
    for (auto &limb : a) {
        const std::uint64_t p = static_cast<std::uint64_t>(limb) * m + carry;
        limb = static_cast<std::uint32_t>(p % kLimbBase);
        carry = p / kLimbBase;
    }
    while (carry != 0) {
        a.push_back(static_cast<std::uint32_t>(carry % kLimbBase));
        carry /= kLimbBase;
    }
    trim(a);
}

// Divides in place and returns the remainder.
std::uint32_t divSmall(Limbs &a, std::uint32_t d)
{
    std::uint64_t rem = 0;
    for (std::size_t i = a.size(); i-- > 0;) {
        const std::uint64_t cur = rem * kLimbBase + a[i];
        a[i] = static_cast<std::uint32_t>(cur / d);
        rem = cur % d;
    }
    trim(a);
    return static_cast<std::uint32_t>(rem);
}

void mulPow10(Limbs &a, std::int64_t k)
{
    if (a.empty() || k <= 0)
        return;
    a.insert(a.begin(), static_cast<std::size_t>(k / kLimbDigits), 0);
    mulSmall(a, kPow10[static_cast<std::size_t>(k % kLimbDigits)]);
}

std::int64_t trailingZeros(const Limbs &a)
{
    std::int64_t n = 0;
    std::size_t i = 0;
    while (i < a.size() && a[i] == 0) {
        n += kLimbDigits;
        ++i;
    }
    if (i == a.size())
        return 0;
    for (std::uint32_t v = a[i]; v % 10 == 0; v /= 10)
        ++n;
    return n;
}

// Drops the k lowest decimal digits; returns true when any of them was non-zero.
bool dropDigits(Limbs &a, std::int64_t k)
{
    if (k <= 0 || a.empty())
        return false;
    if (k >= digitCount(a)) {
        a.clear();
        return true;
    }
    const auto whole = static_cast<std::size_t>(k / kLimbDigits);
    bool lost = std::any_of(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(whole),
                            [](std::uint32_t v) { return v != 0; });
    a.erase(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(whole));
    const std::uint32_t rest = kPow10[static_cast<std::size_t>(k % kLimbDigits)];
    if (rest > 1 && divSmall(a, rest) != 0)
        lost = true;
    trim(a);
    return lost;
}

// Drops the k lowest digits and rounds the magnitude up (away from zero) if any was non-zero.
void dropDigitsRoundingUp(Limbs &a, std::int64_t k)
{
    if (dropDigits(a, k))
        a = addMagnitude(a, Limbs{1});
}

// The magnitude as an unsigned 64-bit value, when it fits.
bool toUint64(const Limbs &a, std::uint64_t &out)
{
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t v = 0;
    for (std::size_t i = a.size(); i-- > 0;) {
        if (v > (kMax - a[i]) / kLimbBase)
            return false;
        v = v * kLimbBase + a[i];
    }
    out = v;
    return true;
}

struct Suffix {
    int base = 10;      // 10 or 2
    std::int64_t exponent = 0;
    Quantity::Format format = Quantity::Format::DecimalSI;
};

struct SuffixName {
    std::string_view name;
    int base;
    int exponent;
};

constexpr SuffixName kDecimalSuffixes[] = {
    {"n", 10, -9}, {"u", 10, -6}, {"m", 10, -3}, {"", 10, 0},  {"k", 10, 3},
    {"M", 10, 6},  {"G", 10, 9},  {"T", 10, 12}, {"P", 10, 15}, {"E", 10, 18},
};

constexpr SuffixName kBinarySuffixes[] = {
    {"", 2, 0}, {"Ki", 2, 10}, {"Mi", 2, 20}, {"Gi", 2, 30}, {"Ti", 2, 40}, {"Pi", 2, 50}, {"Ei", 2, 60},
};

std::string_view decimalSuffixFor(std::int64_t exponent, bool &found)
{
    for (const auto &s : kDecimalSuffixes) {
        if (s.exponent == exponent) {
            found = true;
            return s.name;
        }
    }
    found = false;
    return {};
}

const char kGrammarHint[] =
    "write a number with an optional suffix: n u m k M G T P E (powers of 10), Ki Mi Gi Ti Pi Ei "
    "(powers of 2) or an exponent such as e6; e.g. 500m, 1.5Gi, 12e6";

Error invalid(std::string_view text, const std::string &why)
{
    return Error::make(ErrorKind::Invalid, "invalid quantity \"" + std::string(text) + "\": " + why, {},
                       kGrammarHint);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

Result<Suffix> interpretSuffix(std::string_view text, std::string_view suffix)
{
    for (const auto &s : kDecimalSuffixes) {
        if (s.name == suffix)
            return Suffix{10, s.exponent, Quantity::Format::DecimalSI};
    }
    for (const auto &s : kBinarySuffixes) {
        if (!s.name.empty() && s.name == suffix)
            return Suffix{2, s.exponent, Quantity::Format::BinarySI};
    }
    if (suffix.size() > 1 && (suffix[0] == 'e' || suffix[0] == 'E')) {
        std::string_view digits = suffix.substr(1);
        bool negative = false;
        if (digits[0] == '+' || digits[0] == '-') {
            negative = digits[0] == '-';
            digits.remove_prefix(1);
        }
        if (digits.empty() || !std::all_of(digits.begin(), digits.end(), isDigit))
            return invalid(text, "the exponent \"" + std::string(suffix) + "\" is not e or E followed by an integer");
        std::int64_t exponent = 0;
        for (char c : digits) {
            exponent = exponent * 10 + (c - '0');
            if (exponent > kMaxDecimalExponent)
                return invalid(text, "the exponent is out of range (at most +-" +
                                         std::to_string(kMaxDecimalExponent) + ")");
        }
        return Suffix{10, negative ? -exponent : exponent, Quantity::Format::DecimalExponent};
    }
    if (suffix.size() == 1 && (suffix[0] == 'e'))
        return invalid(text, "the exponent \"e\" has no digits");
    return invalid(text, "unknown suffix \"" + std::string(suffix) + "\"");
}

} // namespace

void Quantity::normalize()
{
    trim(m_magnitude);
    if (m_magnitude.empty()) {
        m_exponent = 0;
        m_negative = false;
        return;
    }
    const std::int64_t zeros = trailingZeros(m_magnitude);
    if (zeros > 0) {
        dropDigits(m_magnitude, zeros);
        m_exponent += zeros;
    }
}

Result<Quantity> Quantity::parse(std::string_view text)
{
    if (text.empty())
        return invalid(text, "it is empty");

    std::size_t pos = 0;
    bool negative = false;
    if (text[pos] == '+' || text[pos] == '-') {
        negative = text[pos] == '-';
        ++pos;
    }
    const std::size_t intBegin = pos;
    while (pos < text.size() && isDigit(text[pos]))
        ++pos;
    std::string_view intDigits = text.substr(intBegin, pos - intBegin);
    std::string_view fracDigits;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        const std::size_t fracBegin = pos;
        while (pos < text.size() && isDigit(text[pos]))
            ++pos;
        fracDigits = text.substr(fracBegin, pos - fracBegin);
    }
    // The grammar's <number> needs a digit on one side of the point; apimachinery's scanner
    // is laxer (it reads "Mi" or "." as zero) but nothing legitimate relies on that.
    if (intDigits.empty() && fracDigits.empty()) {
        if (pos < text.size() && text[pos] == ' ')
            return invalid(text, "spaces are not allowed");
        return invalid(text, "expected digits at position " + std::to_string(pos));
    }
    const std::string_view suffixText = text.substr(pos);
    if (suffixText.find_first_of(" \t\r\n") != std::string_view::npos)
        return invalid(text, "spaces are not allowed");
    if (suffixText.find('.') != std::string_view::npos)
        return invalid(text, "more than one decimal point or a point inside the suffix");
    auto suffix = interpretSuffix(text, suffixText);
    if (!suffix)
        return suffix.error();

    Quantity q;
    q.m_format = suffix->format;
    // "0" keeps DecimalSI; any other zero keeps the family it was written in ("0Ki").
    std::string digits;
    digits.reserve(intDigits.size() + fracDigits.size());
    digits.append(intDigits);
    digits.append(fracDigits);
    const auto firstNonZero = digits.find_first_not_of('0');
    if (firstNonZero == std::string::npos)
        return q;
    q.m_magnitude = fromDigits(std::string_view(digits).substr(firstNonZero));
    q.m_exponent = -static_cast<std::int64_t>(fracDigits.size());
    q.m_negative = negative;
    if (suffix->base == 10) {
        q.m_exponent += suffix->exponent;
    } else {
        for (std::int64_t i = 0; i < suffix->exponent / 10; ++i)
            mulSmall(q.m_magnitude, 1024);
    }
    if (q.m_exponent < kNanoExponent) {
        dropDigitsRoundingUp(q.m_magnitude, kNanoExponent - q.m_exponent);
        q.m_exponent = kNanoExponent;
    }
    q.normalize();

    if (q.m_format == Format::BinarySI) {
        // The server caps binary quantities at 2^63-1 rather than failing (quantity.go).
        static const Quantity maxBinary = fromInt(std::numeric_limits<std::int64_t>::max());
        Quantity magnitude = q;
        magnitude.m_negative = false;
        if (magnitude.compare(maxBinary) > 0) {
            q.m_magnitude = maxBinary.m_magnitude;
            q.m_exponent = maxBinary.m_exponent;
        }
        // Below one, a binary suffix could only show rounding; print decimal instead.
        if (q.m_exponent < 0 && digitCount(q.m_magnitude) + q.m_exponent <= 0)
            q.m_format = Format::DecimalSI;
    }
    return q;
}

Result<Quantity> Quantity::fromJson(const nlohmann::json &value)
{
    if (value.is_null())
        return Quantity();
    if (value.is_string()) {
        const auto &s = value.get_ref<const std::string &>();
        const auto begin = s.find_first_not_of(" \t\r\n");
        if (begin == std::string::npos)
            return parse(std::string_view());
        const auto end = s.find_last_not_of(" \t\r\n");
        return parse(std::string_view(s).substr(begin, end - begin + 1));
    }
    if (value.is_number())
        return parse(value.dump());
    return Error::make(ErrorKind::Invalid, "invalid quantity " + value.dump() + ": expected a string or a number", {},
                       kGrammarHint);
}

Quantity Quantity::fromInt(std::int64_t value, Format format)
{
    return fromScaled(value, 0, format);
}

Quantity Quantity::fromMilli(std::int64_t milliValue, Format format)
{
    return fromScaled(milliValue, kMilli, format);
}

Quantity Quantity::fromScaled(std::int64_t value, int scale, Format format)
{
    Quantity q;
    q.m_format = format;
    q.m_negative = value < 0;
    // Negate in unsigned arithmetic: -INT64_MIN does not fit an int64.
    const std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    q.m_magnitude = fromUint64(magnitude);
    q.m_exponent = scale;
    q.normalize();
    return q;
}

int Quantity::compare(const Quantity &other) const
{
    const int sa = sign();
    const int sb = other.sign();
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0)
        return 0;
    // Orders of magnitude first: cheap, and it keeps "1e2000000000" from being expanded.
    const std::int64_t orderA = digitCount(m_magnitude) + m_exponent;
    const std::int64_t orderB = digitCount(other.m_magnitude) + other.m_exponent;
    int magnitudeOrder = 0;
    if (orderA != orderB) {
        magnitudeOrder = orderA < orderB ? -1 : 1;
    } else {
        // Same order, so the exponents differ by less than the digits we already hold.
        Limbs a = m_magnitude;
        Limbs b = other.m_magnitude;
        mulPow10(a, m_exponent - other.m_exponent);
        mulPow10(b, other.m_exponent - m_exponent);
        magnitudeOrder = compareMagnitude(a, b);
    }
    return sa > 0 ? magnitudeOrder : -magnitudeOrder;
}

Quantity Quantity::addSigned(const Quantity &a, const Quantity &b)
{
    if (b.isZero())
        return a;
    if (a.isZero()) {
        Quantity r = b;
        r.m_format = b.m_format;
        return r;
    }
    const std::int64_t orderA = digitCount(a.m_magnitude) + a.m_exponent;
    const std::int64_t orderB = digitCount(b.m_magnitude) + b.m_exponent;
    const std::int64_t low = std::min(a.m_exponent, b.m_exponent);
    if (std::max(orderA, orderB) - low > kMaxExactDigits) {
        // See kMaxExactDigits: the operand of larger order wins, the other is absorbed.
        Quantity r = orderA >= orderB ? a : b;
        r.m_format = a.m_format;
        return r;
    }
    Limbs ma = a.m_magnitude;
    Limbs mb = b.m_magnitude;
    mulPow10(ma, a.m_exponent - low);
    mulPow10(mb, b.m_exponent - low);
    Quantity r;
    r.m_format = a.m_format;
    r.m_exponent = low;
    if (a.m_negative == b.m_negative) {
        r.m_magnitude = addMagnitude(ma, mb);
        r.m_negative = a.m_negative;
    } else if (compareMagnitude(ma, mb) >= 0) {
        r.m_magnitude = subMagnitude(ma, mb);
        r.m_negative = a.m_negative;
    } else {
        r.m_magnitude = subMagnitude(mb, ma);
        r.m_negative = b.m_negative;
    }
    r.normalize();
    return r;
}

Quantity &Quantity::operator+=(const Quantity &other)
{
    *this = addSigned(*this, other);
    return *this;
}

Quantity &Quantity::operator-=(const Quantity &other)
{
    *this = addSigned(*this, -other);
    return *this;
}

Quantity Quantity::operator+(const Quantity &other) const
{
    return addSigned(*this, other);
}

Quantity Quantity::operator-(const Quantity &other) const
{
    return addSigned(*this, -other);
}

Quantity Quantity::operator-() const
{
    Quantity r = *this;
    if (!r.isZero())
        r.m_negative = !r.m_negative;
    return r;
}

std::int64_t Quantity::scaledValue(int scale) const
{
    if (isZero())
        return 0;
    const std::int64_t shift = m_exponent - scale;
    Limbs magnitude = m_magnitude;
    bool overflow = false;
    // 20 digits already exceed int64's 19, so anything beyond saturates without expanding.
    constexpr std::int64_t kInt64Digits = 19;
    if (shift >= 0) {
        if (digitCount(magnitude) + shift > kInt64Digits + 1)
            overflow = true;
        else
            mulPow10(magnitude, shift);
    } else {
        dropDigitsRoundingUp(magnitude, -shift);
    }
    std::uint64_t u = 0;
    if (!overflow && !toUint64(magnitude, u))
        overflow = true;
    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (m_negative) {
        if (overflow || u > kMax + 1)
            return std::numeric_limits<std::int64_t>::min();
        return u == kMax + 1 ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(u);
    }
    if (overflow || u > kMax)
        return std::numeric_limits<std::int64_t>::max();
    return static_cast<std::int64_t>(u);
}

double Quantity::asApproximateFloat() const
{
    if (isZero())
        return 0.0;
    // strtod rounds the decimal text correctly and yields +-HUGE_VAL past double's range.
    std::string text = m_negative ? "-" : "";
    text += toDigits(m_magnitude);
    text += "e" + std::to_string(m_exponent);
    return std::strtod(text.c_str(), nullptr);
}

std::string Quantity::toString() const
{
    if (isZero())
        return "0";
    Format format = m_format;
    std::string out = m_negative ? "-" : "";

    if (format == Format::BinarySI) {
        static const Quantity limit = fromInt(1024);
        Quantity magnitude = *this;
        magnitude.m_negative = false;
        if (magnitude.compare(limit) < 0) {
            // Between -1024 and 1024 a binary suffix never helps ("5", "500m").
            format = Format::DecimalSI;
        } else if (m_exponent < 0) {
            // Not an integer (the magnitude has no trailing zeros): keep every digit in decimal.
            format = Format::DecimalSI;
        } else if (m_exponent >= kBinaryHopelessExponent) {
            format = Format::DecimalExponent;
        } else {
            Limbs integer = m_magnitude;
            mulPow10(integer, m_exponent);
            int exponent1024 = 0;
            // Stop one past Ei: beyond it the value is printed in exponent notation anyway.
            while (exponent1024 <= kMaxBinaryExponent) {
                Limbs quotient = integer;
                if (divSmall(quotient, 1024) != 0)
                    break;
                integer = std::move(quotient);
                ++exponent1024;
            }
            if (exponent1024 <= kMaxBinaryExponent) {
                out += toDigits(integer);
                out += kBinarySuffixes[exponent1024].name;
                return out;
            }
            format = Format::DecimalExponent;
        }
    }

    // Canonical decimal: no trailing zeros in the mantissa (already true), exponent lowered
    // to a multiple of three so it maps onto an SI prefix (amount.go AsCanonicalBytes).
    Limbs mantissa = m_magnitude;
    std::int64_t exponent = m_exponent;
    std::int64_t lower = ((exponent % 3) + 3) % 3;
    // Trailing zeros moved into the exponent can carry it past what the grammar takes (int32):
    // "1000e2147483647" is 1e2147483650, and 11e2147483647 + -483611e2147483647 is
    // -4836e2147483649. The text then keeps those zeros in the mantissa ("10000e2147483646",
    // "-4836000e2147483646"), which reads back as the same value. (apimachinery's int32 exponent
    // wraps there, and it prints a value of another magnitude.)
    constexpr std::int64_t kTopExponent = kMaxDecimalExponent - kMaxDecimalExponent % 3;
    if (exponent - lower > kTopExponent)
        lower = exponent - kTopExponent;
    mulPow10(mantissa, lower);
    exponent -= lower;
    out += toDigits(mantissa);
    if (format == Format::DecimalSI) {
        bool found = false;
        const auto suffix = decimalSuffixFor(exponent, found);
        if (found) {
            out += suffix;
            return out;
        }
        // Past "E" or below "n" there is no SI prefix; exponent notation keeps the magnitude.
    }
    if (exponent != 0)
        out += "e" + std::to_string(exponent);
    return out;
}

} // namespace kube
