// Tests for kube::Quantity against the behaviour of k8s.io/apimachinery/pkg/api/resource.
// Expected strings come from apimachinery's quantity_test.go tables and its documented rules.
#include "kubeclient/core/quantity.h"

#include <nlohmann/json.hpp>

#include <QtTest/QtTest>

#include <cmath>
#include <limits>

using kube::Quantity;

namespace {

Quantity mustParse(const QString &text)
{
    auto q = Quantity::parse(text.toStdString());
    if (!q) {
        qWarning("unexpected parse error: %s", q.error().describe().c_str());
        return Quantity();
    }
    return q.value();
}

QString str(const Quantity &q)
{
    return QString::fromStdString(q.toString());
}

} // namespace

class TestQuantity : public QObject
{
    Q_OBJECT

private slots:
    void parseCanonical_data();
    void parseCanonical();
    void canonicalIsStable_data() { parseCanonical_data(); }
    void canonicalIsStable();
    void negativeMirrorsPositive_data() { canonicalRows(Signs::UnsignedOnly); }
    void negativeMirrorsPositive();
    void formatOfParsedValue();
    void invalid_data();
    void invalid();
    void invalidErrorSaysWhatIsExpected();
    void compare_data();
    void compare();
    void add_data();
    void add();
    void subtract_data();
    void subtract();
    void negate();
    void binaryPastEi();
    void valueAndMilliValue_data();
    void valueAndMilliValue();
    void scaledValue();
    void approximateFloat();
    void constructors();
    void fromJson();
    void hugeExponentsStayCheap();

private:
    enum class Signs { All, UnsignedOnly };
    // The parseCanonical rows; a sign can only be put in front of the unsigned ones.
    static void canonicalRows(Signs signs);
};

void TestQuantity::parseCanonical_data()
{
    canonicalRows(Signs::All);
}

void TestQuantity::canonicalRows(Signs signs)
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");

    // Zeros of every family print as "0".
    QTest::newRow("0") << "0" << "0";
    QTest::newRow("0n") << "0n" << "0";
    QTest::newRow("0Ki") << "0Ki" << "0";
    QTest::newRow("0Ti") << "0Ti" << "0";
    QTest::newRow("0.000") << "0.000" << "0";
    QTest::newRow("1") << "1" << "1";

    // Binary suffixes are kept when exact and >= 1024.
    QTest::newRow("1Ki") << "1Ki" << "1Ki";
    QTest::newRow("8Ki") << "8Ki" << "8Ki";
    QTest::newRow("7Mi") << "7Mi" << "7Mi";
    QTest::newRow("100Mi") << "100Mi" << "100Mi";
    QTest::newRow("6Gi") << "6Gi" << "6Gi";
    QTest::newRow("5Ti") << "5Ti" << "5Ti";
    QTest::newRow("100Ti") << "100Ti" << "100Ti";
    QTest::newRow("4Pi") << "4Pi" << "4Pi";
    QTest::newRow("3Ei") << "3Ei" << "3Ei";
    QTest::newRow("1024Mi") << "1024Mi" << "1Gi";
    QTest::newRow("1.5Gi") << "1.5Gi" << "1536Mi";
    QTest::newRow("0.5Mi") << "0.5Mi" << "512Ki";
    QTest::newRow("1.5Ki") << "1.5Ki" << "1536";
    QTest::newRow("1000Ki") << "1000Ki" << "1000Ki";

    // Decimal SI suffixes, with the exponent moved as high as possible.
    QTest::newRow("5n") << "5n" << "5n";
    QTest::newRow("4u") << "4u" << "4u";
    QTest::newRow("3m") << "3m" << "3m";
    QTest::newRow("8k") << "8k" << "8k";
    QTest::newRow("50k") << "50k" << "50k";
    QTest::newRow("7M") << "7M" << "7M";
    QTest::newRow("6G") << "6G" << "6G";
    QTest::newRow("40T") << "40T" << "40T";
    QTest::newRow("300T") << "300T" << "300T";
    QTest::newRow("2P") << "2P" << "2P";
    QTest::newRow("1E") << "1E" << "1E";
    QTest::newRow("12E") << "12E" << "12E";
    QTest::newRow("1000M") << "1000M" << "1G";
    QTest::newRow("1000m") << "1000m" << "1";
    QTest::newRow("2000") << "2000" << "2k";
    QTest::newRow("1025") << "1025" << "1025";
    QTest::newRow("100.035k") << "100.035k" << "100035";
    QTest::newRow("10.035M") << "10.035M" << "10035k";
    QTest::newRow("9.01") << "9.01" << "9010m";
    QTest::newRow("8.1k") << "8.1k" << "8100";
    QTest::newRow("7.123456M") << "7.123456M" << "7123456";
    QTest::newRow("6.987654321G") << "6.987654321G" << "6987654321";
    QTest::newRow("5.444T") << "5.444T" << "5444G";
    QTest::newRow("40.1T") << "40.1T" << "40100G";
    QTest::newRow("2.5P") << "2.5P" << "2500T";
    QTest::newRow("1.01E") << "1.01E" << "1010P";

    // Things that look like floating point become milli/micro/nano.
    QTest::newRow("1.5") << "1.5" << "1500m";
    QTest::newRow("0.1") << "0.1" << "100m";
    QTest::newRow("0.001") << "0.001" << "1m";
    QTest::newRow("0.0005k") << "0.0005k" << "500m";
    QTest::newRow("0.05") << "0.05" << "50m";
    QTest::newRow("0.50000") << "0.50000" << "500m";
    QTest::newRow(".001") << ".001" << "1m";
    QTest::newRow(".0001k") << ".0001k" << "100m";
    QTest::newRow("1.") << "1." << "1";
    QTest::newRow("1.G") << "1.G" << "1G";

    // Decimal exponents are kept, canonicalised to multiples of three.
    QTest::newRow("1e3") << "1e3" << "1e3";
    QTest::newRow("12e6") << "12e6" << "12e6";
    QTest::newRow("1E-3") << "1E-3" << "1e-3";
    QTest::newRow("1E6") << "1E6" << "1e6";
    QTest::newRow("1E18") << "1E18" << "1e18";
    QTest::newRow("1e14") << "1e14" << "100e12";
    QTest::newRow("1e13") << "1e13" << "10e12";
    QTest::newRow("1.2e3") << "1.2e3" << "1200";
    QTest::newRow("1.3E+6") << "1.3E+6" << "1300e3";
    QTest::newRow("1.40e9") << "1.40e9" << "1400e6";
    QTest::newRow("1.53E12") << "1.53E12" << "1530e9";
    QTest::newRow("1.7E18") << "1.7E18" << "1700e15";
    QTest::newRow("0.5e0") << "0.5e0" << "500e-3";
    QTest::newRow("0.5e-1") << "0.5e-1" << "50e-3";
    QTest::newRow("0.5e-2") << "0.5e-2" << "5e-3";

    // Rounding up to nano precision, away from zero.
    QTest::newRow("0.0000000001") << "0.0000000001" << "1n";
    QTest::newRow("0.0000000005") << "0.0000000005" << "1n";
    QTest::newRow("3.001n") << "3.001n" << "4n";
    QTest::newRow("0.9n") << "0.9n" << "1n";
    QTest::newRow("1.1E-9") << "1.1E-9" << "2e-9";
    QTest::newRow("0.5e-9") << "0.5e-9" << "1e-9";
    QTest::newRow("0.00000012345") << "0.00000012345" << "124n";
    QTest::newRow("1e-2147483647") << "1e-2147483647" << "1e-9";

    // Fractional binary values print exactly in decimal; below one they switch family.
    QTest::newRow("100.035Ki") << "100.035Ki" << "102435840m";
    QTest::newRow("0.05Gi") << "0.05Gi" << "53687091200m";
    QTest::newRow(".001Ki") << ".001Ki" << "1024m";
    QTest::newRow(".000001Ki") << ".000001Ki" << "1024u";
    QTest::newRow(".000000001Ki") << ".000000001Ki" << "1024n";
    QTest::newRow(".000000000001Ki") << ".000000000001Ki" << "2n";

    // Beyond int64: binary is capped at 2^63-1, decimal stays exact.
    QTest::newRow("9Ei") << "9Ei" << "9223372036854775807";
    QTest::newRow("9223372036854775807Ki") << "9223372036854775807Ki" << "9223372036854775807";
    QTest::newRow("2^63") << "9223372036854775808" << "9223372036854775808";
    QTest::newRow("1000E") << "1000E" << "1e21";
    QTest::newRow("5000E") << "5000E" << "5e21";
    QTest::newRow("1e2147483647") << "1e2147483647" << "10e2147483646";
    // Trailing zeros would carry the exponent past int32, which the grammar refuses: they stay in
    // the mantissa (apimachinery's int32 exponent overflows here).
    QTest::newRow("1000e2147483647") << "1000e2147483647" << "10000e2147483646";

    // Signs.
    if (signs == Signs::UnsignedOnly)
        return;
    QTest::newRow("+1.5") << "+1.5" << "1500m";
    QTest::newRow("-1.5Gi") << "-1.5Gi" << "-1536Mi";
    QTest::newRow("-0") << "-0" << "0";
    QTest::newRow("-100m") << "-100m" << "-100m";
}

void TestQuantity::parseCanonical()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);

    // Given a quantity as a user or the server wrote it
    // When it is parsed and printed
    auto q = Quantity::parse(input.toStdString());

    // Then it parses, and prints in apimachinery's canonical form
    QVERIFY2(q.ok(), q.ok() ? "" : q.error().describe().c_str());
    QCOMPARE(str(*q), canonical);
}

void TestQuantity::canonicalIsStable()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);

    // Given the canonical form of a parsed quantity
    const Quantity original = mustParse(input);
    // When the canonical form is parsed again
    const Quantity again = mustParse(canonical);
    // Then value and text survive the round trip
    QCOMPARE(again.compare(original), 0);
    QCOMPARE(str(again), canonical);
}

void TestQuantity::negativeMirrorsPositive()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);

    // Given a valid unsigned quantity
    // When a minus sign is put in front
    const Quantity negative = mustParse("-" + input);
    // Then it prints as the negated canonical form (zero never prints "-0")
    const QString expected = canonical == "0" ? "0" : "-" + canonical;
    QCOMPARE(str(negative), expected);
    QCOMPARE(str(-mustParse(input)), expected);
}

void TestQuantity::formatOfParsedValue()
{
    // Given quantities written in each notation
    // Then the remembered format follows the suffix, and tiny binary values turn decimal
    QCOMPARE(mustParse("1Ki").format(), Quantity::Format::BinarySI);
    QCOMPARE(mustParse("0Ki").format(), Quantity::Format::BinarySI);
    QCOMPARE(mustParse("0").format(), Quantity::Format::DecimalSI);
    QCOMPARE(mustParse("1k").format(), Quantity::Format::DecimalSI);
    QCOMPARE(mustParse("1e3").format(), Quantity::Format::DecimalExponent);
    QCOMPARE(mustParse("0.5Ki").format(), Quantity::Format::BinarySI);
    QCOMPARE(mustParse("0.000000000001Ki").format(), Quantity::Format::DecimalSI);
}

void TestQuantity::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << "";
    QTest::newRow("1.2.3") << "1.2.3";
    QTest::newRow("10Mii") << "10Mii";
    QTest::newRow("Mi") << "Mi";
    QTest::newRow("1e") << "1e";
    QTest::newRow("1e+") << "1e+";
    QTest::newRow("-3.01e-") << "-3.01e-";
    QTest::newRow("- 1") << "- 1";
    QTest::newRow("leading space") << " 1";
    QTest::newRow("trailing space") << "1 ";
    QTest::newRow("1.1.M") << "1.1.M";
    QTest::newRow("1+1.0M") << "1+1.0M";
    QTest::newRow("0.1mi") << "0.1mi";
    QTest::newRow("0.1am") << "0.1am";
    QTest::newRow("aoeu") << "aoeu";
    QTest::newRow(".5i") << ".5i";
    QTest::newRow("1i") << "1i";
    QTest::newRow("1KI") << "1KI";
    QTest::newRow("point only") << ".";
    QTest::newRow("sign only") << "-";
    QTest::newRow("exponent past int32") << "1e4294967297";
    QTest::newRow("exponent MinInt32") << "1E-2147483648";
}

void TestQuantity::invalid()
{
    QFETCH(QString, input);
    // Given a string outside the quantity grammar
    // When it is parsed
    auto q = Quantity::parse(input.toStdString());
    // Then it is an Invalid error that quotes the input
    QVERIFY(!q.ok());
    QCOMPARE(q.error().kind, kube::ErrorKind::Invalid);
    QVERIFY2(q.error().message.find("\"" + input.toStdString() + "\"") != std::string::npos,
             q.error().message.c_str());
}

void TestQuantity::invalidErrorSaysWhatIsExpected()
{
    // Given an unknown suffix
    auto q = Quantity::parse("10Mii");
    // Then the message names the culprit and the hint shows the accepted forms
    QVERIFY(!q.ok());
    QVERIFY(q.error().message.find("Mii") != std::string::npos);
    QVERIFY(q.error().hint.find("Ki Mi Gi") != std::string::npos);
    QVERIFY(q.error().describe().find("1.5Gi") != std::string::npos);
}

void TestQuantity::compare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("0 0") << "0" << "0" << 0;
    QTest::newRow("0 0Ki") << "0" << "0Ki" << 0;
    QTest::newRow("100m 50m") << "100m" << "50m" << 1;
    QTest::newRow("50m 100m") << "50m" << "100m" << -1;
    QTest::newRow("10000T 100Gi") << "10000T" << "100Gi" << 1;
    QTest::newRow("1Ki 1024") << "1Ki" << "1024" << 0;
    QTest::newRow("1k 1Ki") << "1k" << "1Ki" << -1;
    QTest::newRow("1e3 1k") << "1e3" << "1k" << 0;
    QTest::newRow("1Gi bytes") << "1Gi" << "1073741824" << 0;
    QTest::newRow("999m 1") << "999m" << "1" << -1;
    QTest::newRow("0.5 500m") << "0.5" << "500m" << 0;
    QTest::newRow("-1 1") << "-1" << "1" << -1;
    QTest::newRow("-2 -1") << "-2" << "-1" << -1;
    QTest::newRow("-1n 0") << "-1n" << "0" << -1;
    QTest::newRow("12E capped 9Ei") << "12E" << "9Ei" << 1;
    QTest::newRow("huge vs 9Ei") << "1e2147483647" << "9Ei" << 1;
    QTest::newRow("1001m 1") << "1001m" << "1" << 1;
}

void TestQuantity::compare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    // Given two quantities
    const Quantity qa = mustParse(a);
    const Quantity qb = mustParse(b);
    // Then comparison looks at values only, and is antisymmetric
    QCOMPARE(qa.compare(qb), expected);
    QCOMPARE(qb.compare(qa), -expected);
    QCOMPARE(qa == qb, expected == 0);
    QCOMPARE(qa < qb, expected < 0);
}

void TestQuantity::add_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("sum");
    QTest::newRow("1+1") << "1" << "1" << "2";
    QTest::newRow("100m+900m") << "100m" << "900m" << "1";
    QTest::newRow("1+100m") << "1" << "100m" << "1100m";
    QTest::newRow("1Gi+512Mi") << "1Gi" << "512Mi" << "1536Mi";
    QTest::newRow("1Gi-1Gi") << "1Gi" << "-1Gi" << "0";
    // A zero operand never loses the other's suffix (TestQuantityAddZeroPreservesSuffix).
    QTest::newRow("0+100m") << "0" << "100m" << "100m";
    QTest::newRow("100m+0") << "100m" << "0" << "100m";
    QTest::newRow("0+1Gi") << "0" << "1Gi" << "1Gi";
    QTest::newRow("1Gi+0") << "1Gi" << "0" << "1Gi";
    // The left operand's format wins.
    QTest::newRow("1Ki+1") << "1Ki" << "1" << "1025";
    QTest::newRow("1k+1Ki") << "1k" << "1Ki" << "2024";
    QTest::newRow("1Ki+1Ki") << "1Ki" << "1Ki" << "2Ki";
    QTest::newRow("1e3+1") << "1e3" << "1" << "1001";
    QTest::newRow("1e3+1e3") << "1e3" << "1e3" << "2e3";
    QTest::newRow("1.5-2") << "1.5" << "-2" << "-500m";
    // Past int64 and past Ei the sum stays exact.
    QTest::newRow("int64 max + 1") << "9223372036854775807" << "1" << "9223372036854775808";
    QTest::newRow("4Ei+3Ei") << "4Ei" << "3Ei" << "7Ei";
    QTest::newRow("1n+1E") << "1n" << "1E" << "1000000000000000000000000001n";
    // A sum whose trailing zeros would carry the exponent past int32 (found by fuzz_quantity).
    QTest::newRow("exponent past int32") << "11e2147483647" << "-483611e2147483647" << "-4836000e2147483646";
}

void TestQuantity::add()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, sum);
    // Given two quantities
    Quantity qa = mustParse(a);
    const Quantity qb = mustParse(b);
    // When they are added, by value and in place
    const Quantity result = qa + qb;
    qa += qb;
    // Then the sum is exact and printed in the left operand's (or non-zero operand's) format
    QCOMPARE(str(result), sum);
    QCOMPARE(str(qa), sum);
    QCOMPARE(mustParse(sum).compare(result), 0);
}

void TestQuantity::subtract_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("difference");
    QTest::newRow("10-10") << "10" << "10" << "0";
    QTest::newRow("10-1") << "10" << "1" << "9";
    QTest::newRow("0-50") << "0" << "50" << "-50";
    QTest::newRow("50-0") << "50" << "0" << "50";
    QTest::newRow("0-1Gi") << "0" << "1Gi" << "-1Gi";
    QTest::newRow("1Gi-1Mi") << "1Gi" << "1Mi" << "1023Mi";
    QTest::newRow("100m-1") << "100m" << "1" << "-900m";
    QTest::newRow("10Binary-1") << "10Ki" << "1" << "10239";
    QTest::newRow("-2^63 to 2^63") << "0" << "-9223372036854775808" << "9223372036854775808";
}

void TestQuantity::subtract()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, difference);
    // Given two quantities
    Quantity qa = mustParse(a);
    const Quantity qb = mustParse(b);
    // When the second is subtracted
    const Quantity result = qa - qb;
    qa -= qb;
    // Then the difference is exact
    QCOMPARE(str(result), difference);
    QCOMPARE(str(qa), difference);
}

void TestQuantity::negate()
{
    // Given values of each family (TestQuantityNeg)
    // When negated
    // Then the value flips, the format stays, and the source is untouched
    const Quantity source = mustParse("9.01");
    const Quantity negated = -source;
    QCOMPARE(str(negated), QString("-9010m"));
    QCOMPARE(str(source), QString("9010m"));
    QCOMPARE(str(-mustParse("-10Ki")), QString("10Ki"));
    QCOMPARE(str(-Quantity()), QString("0"));
    QCOMPARE((-mustParse("1Ki")).format(), Quantity::Format::BinarySI);
    // -INT64_MIN does not fit an int64 and must not wrap.
    QCOMPARE(str(-Quantity::fromInt(std::numeric_limits<std::int64_t>::min())), QString("9223372036854775808"));
    QCOMPARE(str(-Quantity::fromMilli(std::numeric_limits<std::int64_t>::min())), QString("9223372036854775808m"));
}

void TestQuantity::binaryPastEi()
{
    // Given 4Ei (parsing caps binary values at 2^63-1, arithmetic does not)
    Quantity q = mustParse("4Ei");
    // When it is doubled up to 2^70, one binary step past the largest suffix
    for (int i = 0; i < 8; ++i)
        q += q;
    // Then it prints its exact decimal digits instead of losing the magnitude
    // (TestBinarySIPastEiArithmeticRoundTrip), and that text parses back to the same value
    QCOMPARE(str(q), QString("1180591620717411303424"));
    QCOMPARE(mustParse(str(q)).compare(q), 0);
    QCOMPARE(q.format(), Quantity::Format::BinarySI);
}

void TestQuantity::valueAndMilliValue_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("milli");
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    // From TestNegativeValueRoundsAwayFromZero: ceilings round away from zero.
    QTest::newRow("-.484785E-7466") << "-.484785E-7466" << qint64(-1) << qint64(-1);
    QTest::newRow(".484785E-7466") << ".484785E-7466" << qint64(1) << qint64(1);
    QTest::newRow("-.484785E-1") << "-.484785E-1" << qint64(-1) << qint64(-49);
    QTest::newRow(".484785E-1") << ".484785E-1" << qint64(1) << qint64(49);
    QTest::newRow("-0.0005") << "-0.0005" << qint64(-1) << qint64(-1);
    QTest::newRow("0.0005") << "0.0005" << qint64(1) << qint64(1);
    QTest::newRow("-1500m") << "-1500m" << qint64(-2) << qint64(-1500);
    QTest::newRow("1500m") << "1500m" << qint64(2) << qint64(1500);
    QTest::newRow("-9.5000000001Gi") << "-9.5000000001Gi" << qint64(-10200547329) << qint64(-10200547328108);
    QTest::newRow("9.5000000001Gi") << "9.5000000001Gi" << qint64(10200547329) << qint64(10200547328108);
    QTest::newRow("-1") << "-1" << qint64(-1) << qint64(-1000);
    QTest::newRow("1") << "1" << qint64(1) << qint64(1000);
    QTest::newRow("0") << "0" << qint64(0) << qint64(0);
    QTest::newRow("100Mi") << "100Mi" << qint64(104857600) << qint64(104857600000);
    QTest::newRow("250m") << "250m" << qint64(1) << qint64(250);
    QTest::newRow("1n") << "1n" << qint64(1) << qint64(1);
    // Out of int64 range: saturate.
    QTest::newRow("1Ei") << "1Ei" << qint64(1152921504606846976) << kMax;
    QTest::newRow("12E") << "12E" << kMax << kMax;
    QTest::newRow("-12E") << "-12E" << kMin << kMin;
    QTest::newRow("int64 min") << "-9223372036854775808" << kMin << kMin;
    QTest::newRow("huge") << "1e2147483647" << kMax << kMax;
}

void TestQuantity::valueAndMilliValue()
{
    QFETCH(QString, input);
    QFETCH(qint64, value);
    QFETCH(qint64, milli);
    // Given a parsed quantity
    const Quantity q = mustParse(input);
    // Then Value() and MilliValue() are its ceilings away from zero
    QCOMPARE(qint64(q.value()), value);
    QCOMPARE(qint64(q.milliValue()), milli);
}

void TestQuantity::scaledValue()
{
    // Given 1 at each scale, read at each other scale (TestScaledValue)
    struct Case {
        int from, to;
        qint64 expected;
    };
    const Case cases[] = {
        {Quantity::kNano, Quantity::kNano, 1},   {Quantity::kNano, Quantity::kMicro, 1},
        {Quantity::kNano, 0, 1},                 {Quantity::kMicro, Quantity::kNano, 1000},
        {Quantity::kMilli, Quantity::kNano, 1000000}, {0, Quantity::kNano, 1000000000},
        {0, Quantity::kMilli, 1000},             {2, -2, 10000},
    };
    for (const auto &c : cases) {
        const Quantity q = Quantity::fromScaled(1, c.from);
        QCOMPARE(qint64(q.scaledValue(c.to)), c.expected);
    }
}

void TestQuantity::approximateFloat()
{
    // Given quantities for a usage bar
    // Then the float is close, and beyond double's range it is infinite
    QCOMPARE(mustParse("1.5").asApproximateFloat(), 1.5);
    QCOMPARE(mustParse("100Mi").asApproximateFloat(), 104857600.0);
    QCOMPARE(mustParse("-250m").asApproximateFloat(), -0.25);
    QCOMPARE(mustParse("0").asApproximateFloat(), 0.0);
    QVERIFY(std::abs(mustParse("1n").asApproximateFloat() - 1e-9) < 1e-20);
    QVERIFY(std::isinf(mustParse("1e2147483647").asApproximateFloat()));
    QVERIFY(mustParse("-1e2147483647").asApproximateFloat() < 0);
}

void TestQuantity::constructors()
{
    using F = Quantity::Format;
    // Given integers and milli values (TestNewSet, TestMilliNewSet, TestNewScaledSet)
    // Then their canonical forms match apimachinery's NewQuantity/NewMilliQuantity
    QCOMPARE(str(Quantity::fromInt(1)), QString("1"));
    QCOMPARE(str(Quantity::fromInt(1000)), QString("1k"));
    QCOMPARE(str(Quantity::fromInt(1234000)), QString("1234k"));
    QCOMPARE(str(Quantity::fromInt(1024, F::BinarySI)), QString("1Ki"));
    QCOMPARE(str(Quantity::fromInt(1024 * 1024, F::BinarySI)), QString("1Mi"));
    QCOMPARE(str(Quantity::fromInt(1000000, F::DecimalExponent)), QString("1e6"));
    QCOMPARE(str(Quantity::fromInt(2000, F::BinarySI)), QString("2000"));
    QCOMPARE(str(Quantity::fromInt(-2000, F::BinarySI)), QString("-2000"));
    QCOMPARE(str(Quantity::fromMilli(1)), QString("1m"));
    QCOMPARE(str(Quantity::fromMilli(1000)), QString("1"));
    QCOMPARE(str(Quantity::fromMilli(1234000)), QString("1234"));
    QCOMPARE(str(Quantity::fromMilli(1024, F::BinarySI)), QString("1024m"));
    QCOMPARE(str(Quantity::fromMilli(1024 * 1024, F::BinarySI)), QString("1048576m"));
    QCOMPARE(str(Quantity::fromMilli(1000000, F::DecimalExponent)), QString("1e3"));
    QCOMPARE(str(Quantity::fromScaled(1000, Quantity::kNano)), QString("1u"));
    QCOMPARE(str(Quantity::fromScaled(1000, Quantity::kMilli)), QString("1"));
    QCOMPARE(str(Quantity::fromScaled(0, Quantity::kMicro)), QString("0"));
    // Below nano and past E there is no SI prefix (TestQuantityStringBelowNano).
    QCOMPARE(str(Quantity::fromScaled(1, -10)), QString("100e-12"));
    QCOMPARE(str(Quantity::fromScaled(1, -12)), QString("1e-12"));
    QCOMPARE(str(Quantity::fromScaled(1, 21)), QString("1e21"));
    QCOMPARE(str(Quantity::fromScaled(1, 70, F::BinarySI)), QString("10e69"));
    QCOMPARE(str(Quantity::fromScaled(1, 72, F::BinarySI)), QString("1e72"));
    QCOMPARE(str(Quantity::fromScaled(500, -3, F::BinarySI)), QString("500m"));
    QCOMPARE(str(Quantity::fromScaled(1234567, -3, F::BinarySI)), QString("1234567m"));
    QCOMPARE(str(Quantity::fromScaled(1, 9, F::DecimalExponent)), QString("1e9"));
    QCOMPARE(str(Quantity::fromScaled(80, -3, F::DecimalExponent)), QString("80e-3"));
    QCOMPARE(str(Quantity::fromScaled(108, -2)), QString("1080m"));
    QCOMPARE(str(Quantity::fromScaled(10800, -10)), QString("1080n"));
    // A default Quantity is zero.
    QCOMPARE(str(Quantity()), QString("0"));
    QVERIFY(Quantity().isZero());
    QCOMPARE(Quantity().sign(), 0);
}

void TestQuantity::fromJson()
{
    // Given quantities as they appear in objects (TestJSONWhitespace)
    // Then strings (with stray spaces), numbers and null decode; other types fail
    QCOMPARE(str(Quantity::fromJson(nlohmann::json(" 1")).value()), QString("1"));
    QCOMPARE(str(Quantity::fromJson(nlohmann::json("1 ")).value()), QString("1"));
    QCOMPARE(str(Quantity::fromJson(nlohmann::json("2Gi")).value()), QString("2Gi"));
    QCOMPARE(str(Quantity::fromJson(nlohmann::json(10)).value()), QString("10"));
    QCOMPARE(str(Quantity::fromJson(nlohmann::json(-1)).value()), QString("-1"));
    QCOMPARE(str(Quantity::fromJson(nlohmann::json(0.5)).value()), QString("500m"));
    QCOMPARE(str(Quantity::fromJson(nlohmann::json(1e-5)).value()), QString("10e-6"));
    QCOMPARE(str(Quantity::fromJson(nlohmann::json()).value()), QString("0"));
    auto bad = Quantity::fromJson(nlohmann::json(true));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().kind, kube::ErrorKind::Invalid);
    QVERIFY(!Quantity::fromJson(nlohmann::json("  ")).ok());
}

void TestQuantity::hugeExponentsStayCheap()
{
    // Given values a hostile object could carry
    const Quantity huge = mustParse("1e2147483647");
    const Quantity one = mustParse("1");
    // When they are compared, added and printed
    const int order = huge.compare(one);
    const Quantity sum = huge + one;
    const QString text = str(sum);
    // Then nothing expands to billions of digits: the tiny operand is absorbed
    QCOMPARE(order, 1);
    QCOMPARE(text, QString("10e2147483646"));
    QCOMPARE(str(Quantity::fromScaled(1, 2000000000, Quantity::Format::BinarySI)), QString("100e1999999998"));
    QCOMPARE(qint64(huge.milliValue()), std::numeric_limits<qint64>::max());
    // (how long that takes is measured by tests/bench/bench_store, beside its target)
}

QTEST_APPLESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
