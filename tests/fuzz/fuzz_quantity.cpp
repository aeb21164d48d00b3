// Quantity parsing and arithmetic: the input is up to three quantity texts separated by '\n'.
// Invariants: toString() parses back (below the BinarySI cap) to an equal value with the same canonical text;
// a + b - b == a and a + b == b + a, and (a + b) + c == a + (b + c), wherever no operand is absorbed
// (the arithmetic is exact up to kMaxExactDigits);
// compare() is antisymmetric; scaledValue and the float approximation never trap.
#include "fuzzcheck.h"
#include "kubeclient/core/quantity.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

using kube::Quantity;

namespace {

void checkRoundTrip(const Quantity &q)
{
    // The server caps parsed BinarySI values at 2^63-1 (quantity.go), so a sum past that, printed
    // with a binary suffix ("8Ei"), parses back capped: apimachinery does the same.
    static const Quantity maxBinary = Quantity::fromInt(std::numeric_limits<std::int64_t>::max());
    if (q.format() == Quantity::Format::BinarySI && (q > maxBinary || -q > maxBinary))
        return;
    const std::string text = q.toString();
    auto back = Quantity::parse(text);
    FUZZ_CHECK(back.ok(), "toString() does not parse: " + text);
    FUZZ_CHECK(*back == q, "parse(toString(q)) != q for " + text + " -> " + back->toString());
    // The text itself may change once: a BinarySI value no power of 1024 divides prints without a
    // suffix ("9007199254741000") and reads back DecimalSI ("9007199254741k"), as in apimachinery.
    // From then on it is a fixed point.
    const std::string once = back->toString();
    auto twice = Quantity::parse(once);
    FUZZ_CHECK(twice.ok() && twice->toString() == once, "canonical text is not stable: " + text + " -> " + once);
}

// No operand of x + y was absorbed: each comes back by subtracting the other.
bool exact(const Quantity &x, const Quantity &y)
{
    const Quantity sum = x + y;
    return sum - y == x && sum - x == y;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    std::vector<Quantity> values;
    std::size_t start = 0;
    while (start <= input.size() && values.size() < 3) {
        const auto end = input.find('\n', start);
        const auto text = input.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (auto q = Quantity::parse(text); q.ok()) {
            checkRoundTrip(*q);
            (void)q->value();
            (void)q->milliValue();
            (void)q->scaledValue(Quantity::kGiga);
            (void)q->scaledValue(Quantity::kNano);
            (void)q->asApproximateFloat();
            values.push_back(*q);
        }
        // The JSON form: strings with spaces around them, and numbers.
        (void)Quantity::fromJson(nlohmann::json(std::string(text)));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    if (values.size() >= 2) {
        const Quantity &a = values[0];
        const Quantity &b = values[1];
        FUZZ_CHECK(a.compare(b) == -b.compare(a), "compare is not antisymmetric: " + a.toString() + " vs " + b.toString());
        const Quantity sum = a + b;
        FUZZ_CHECK(sum == b + a, "a + b != b + a for " + a.toString() + ", " + b.toString());
        // Exact unless an operand is absorbed (kMaxExactDigits): then a + b == the larger one.
        const Quantity back = sum - b;
        if (!(sum == a) && !(sum == b))
            FUZZ_CHECK(back == a, "a + b - b != a for " + a.toString() + ", " + b.toString() + ": " + back.toString());
        FUZZ_CHECK((a - a).isZero(), "a - a != 0 for " + a.toString());
        FUZZ_CHECK(-(-a) == a, "-(-a) != a for " + a.toString());
        checkRoundTrip(sum);
        if (values.size() == 3) {
            // Associative where every sum is exact: 11e2147483647 + (-11e2147483647 + 92) absorbs
            // the 92 (kMaxExactDigits) where (11e2147483647 + -11e2147483647) + 92 keeps it.
            const Quantity &c = values[2];
            const Quantity ab = a + b, bc = b + c;
            const Quantity left = ab + c;
            const Quantity right = a + bc;
            if (exact(a, b) && exact(b, c) && exact(ab, c) && exact(a, bc) && left.toString().size() < 100 &&
                right.toString().size() < 100)
                FUZZ_CHECK(left == right, "(a + b) + c != a + (b + c) for " + a.toString() + ", " + b.toString() + ", " +
                                              c.toString());
        }
    }
    return 0;
}
