// Kubernetes resource quantities ("500m", "1.5Gi", "12e6"): parse, compare, add and format
// exactly as k8s.io/apimachinery/pkg/api/resource does, so the numbers we show match kubectl's.
#pragma once

#include "kubeclient/core/result.h"

#include <nlohmann/json_fwd.hpp>

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kube {

// An exact decimal number (arbitrary precision, never a float) plus the notation family it
// was written in. Like apimachinery's Quantity, equality and ordering look at the value
// only: "1Ki" == "1024". toString() gives the canonical form the API server would store.
class Quantity
{
public:
    // The notation family; toString() keeps it when it can represent the value exactly.
    enum class Format {
        DecimalExponent,  // 12e6
        BinarySI,         // 12Mi (12 * 2^20)
        DecimalSI,        // 12M  (12 * 10^6)
    };

    // Powers of ten for scaledValue() (apimachinery's Scale constants).
    static constexpr int kNano = -9;
    static constexpr int kMicro = -6;
    static constexpr int kMilli = -3;
    static constexpr int kKilo = 3;
    static constexpr int kMega = 6;
    static constexpr int kGiga = 9;

    Quantity() = default;  // zero, DecimalSI

    // Parses the apimachinery grammar: [+-] digits [. digits] [suffix], suffix one of
    // n u m "" k M G T P E | Ki Mi Gi Ti Pi Ei | e<signed int>. No spaces anywhere.
    // Values are rounded away from zero to nano precision ("0.1n" -> "1n") and BinarySI values
    // are capped at 2^63-1, as the API server does. Errors are ErrorKind::Invalid.
    static Result<Quantity> parse(std::string_view text);
    // A quantity as it appears in an object: a string (surrounding spaces tolerated, as
    // apimachinery's UnmarshalJSON does), a JSON number, or null (zero).
    static Result<Quantity> fromJson(const nlohmann::json &value);

    static Quantity fromInt(std::int64_t value, Format format = Format::DecimalSI);
    static Quantity fromMilli(std::int64_t milliValue, Format format = Format::DecimalSI);
    // value * 10^scale, e.g. fromScaled(5, kMega) is "5M".
    static Quantity fromScaled(std::int64_t value, int scale, Format format = Format::DecimalSI);

    // The canonical form (apimachinery's String()): "1500m", "1536Mi", "12e6", "0".
    std::string toString() const;

    Format format() const { return m_format; }
    void setFormat(Format format) { m_format = format; }
    bool isZero() const { return m_magnitude.empty(); }
    int sign() const { return isZero() ? 0 : (m_negative ? -1 : 1); }

    // -1, 0 or 1, comparing values regardless of format.
    int compare(const Quantity &other) const;
    bool operator==(const Quantity &other) const { return compare(other) == 0; }
    std::strong_ordering operator<=>(const Quantity &other) const { return compare(other) <=> 0; }

    // Exact. A zero left operand takes the right operand's format (apimachinery Add/Sub).
    Quantity &operator+=(const Quantity &other);
    Quantity &operator-=(const Quantity &other);
    Quantity operator+(const Quantity &other) const;
    Quantity operator-(const Quantity &other) const;
    Quantity operator-() const;

    // ceil(q), ceil(q * 1000), ceil(q / 10^scale), rounding away from zero and saturating at
    // the int64 limits (apimachinery's Value/MilliValue/ScaledValue).
    std::int64_t value() const { return scaledValue(0); }
    std::int64_t milliValue() const { return scaledValue(kMilli); }
    std::int64_t scaledValue(int scale) const;
    // For usage bars and ratios only: may lose precision, +-inf beyond double's range.
    double asApproximateFloat() const;

private:
    void normalize();
    static Quantity addSigned(const Quantity &a, const Quantity &b);

    // value = (m_negative ? -1 : 1) * magnitude * 10^m_exponent. The magnitude is little-endian
    // base 10^9 limbs with no trailing decimal zeros (they live in the exponent), so equal
    // values have equal representations; zero is an empty vector with exponent 0.
    std::vector<std::uint32_t> m_magnitude;
    std::int64_t m_exponent = 0;
    bool m_negative = false;
    Format m_format = Format::DecimalSI;
};

} // namespace kube
