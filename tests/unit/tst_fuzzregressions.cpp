// Inputs the fuzz targets (tests/fuzz, scripts/fuzz) found crashing or breaking an invariant,
// fed to the same entry points: each test failed before its fix. Inputs: tests/fuzz/regressions/.
#include "kubeclient/audit/auditparser.h"
#include "kubeclient/core/manifestfiles.h"
#include "kubeclient/core/quantity.h"
#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/kubeconfig/execcredentialprovider.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubeconfig/kubeconfigview.h"
#include "kubeclient/kubeconfig/oidcauthprovider.h"
#include "kubeclient/ksaccount/ksaccount.h"
#include "kubeclient/core/base64.h"
#include "kubeclient/kubesphere/ruleparser.h"
#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/objectshape.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/rbac/whocan.h"
#include "kubeclient/watch/watchdecoder.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

namespace {

// The bytes of tests/fuzz/regressions/<target>/<name>.
std::string regression(const char *target, const char *name)
{
    const QString path = QStringLiteral(TENANTRY_SOURCE_DIR "/tests/fuzz/regressions/%1/%2")
                             .arg(QLatin1String(target), QLatin1String(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

// The fuzz targets' inputs start with selector bytes; this drops them.
std::string payload(const std::string &input, std::size_t selectorBytes)
{
    return input.substr(std::min(selectorBytes, input.size()));
}

// The three '\n'-separated parts of an oidctoken input after its status byte.
std::vector<std::string> oidcParts(const std::string &input)
{
    std::vector<std::string> parts;
    std::string rest = payload(input, 1);
    for (int i = 0; i < 2; ++i) {
        const auto newline = rest.find('\n');
        parts.push_back(rest.substr(0, newline));
        rest = newline == std::string::npos ? std::string() : rest.substr(newline + 1);
    }
    parts.push_back(rest);
    return parts;
}

// What fuzz_oidctoken does with the claims: an unsigned JWT around them.
std::string jwt(const std::string &claims)
{
    std::string payload = kube::Base64::encode(claims);
    for (char &c : payload)
        c = c == '+' ? '-' : c == '/' ? '_' : c;
    while (!payload.empty() && payload.back() == '=')
        payload.pop_back();
    return "eyJhbGciOiJub25lIn0." + payload + ".c2ln";
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void execCredentialExpiryPastTheClockRange();
    void kubeconfigWithInvalidUtf8IsRefused();
    void manifestsWithInvalidUtf8AreRefused_data();
    void manifestsWithInvalidUtf8AreRefused();
    void manifestsYamlCppCannotFinishAreRefused();
    void manifestWithAnAliasInsideItsOwnAnchorIsRefused_data();
    void manifestWithAnAliasInsideItsOwnAnchorIsRefused();
    void manifestYamlEscapesReadAsUtf8();
    void kubeconfigYamlEscapesReadAsUtf8();
    void kubeconfigViewOfALongKeyLoadsAgain_data();
    void kubeconfigViewOfALongKeyLoadsAgain();
    void manifestsRoundTripThroughYaml_data();
    void manifestsRoundTripThroughYaml();
    void quantitySumPastInt32ExponentsReadsBack();
    void controlCharactersInMultiLineTextRoundTrip();
    void noncharactersAndDeleteAreWrittenEscaped();
    void ruleTextRoundTrips_data();
    void ruleTextRoundTrips();
    void watchEventWithNumberOverflowIsADecodeError();
    void idTokenExpiryPastTheClockRange_data();
    void idTokenExpiryPastTheClockRange();
    void ksTokenLifetimeIsCapped();
    void ksTokenSecretWithWrongTypes();
    void auditCodeBeyondIntIsUnknown();
    void auditFieldsOfTheWrongTypeReadAsAbsent_data();
    void auditFieldsOfTheWrongTypeReadAsAbsent();
    void rbacManifestFieldsOfOtherTypesReadAsAbsent();
    void userNamedLikeAServiceAccountIsThatServiceAccount();
};

void TestFuzzRegressions::execCredentialExpiryPastTheClockRange()
{
    // Given a plugin's answer expiring in 2430, past system_clock's nanosecond range (2262)
    const std::string stdoutText = payload(regression("execcredential", "far-future-expiry"), 1);
    // When the provider parses it
    auto status = kube::ExecCredentialProvider::parseCredential(stdoutText, "client.authentication.k8s.io/v1");
    // Then the expiry is the clock's end, not an overflowed time in the past
    QVERIFY(status.ok());
    QVERIFY(status->expirationTimestamp.has_value());
    QVERIFY(*status->expirationTimestamp == std::chrono::system_clock::time_point::max());
    QVERIFY(*status->expirationTimestamp > std::chrono::system_clock::now());
}

void TestFuzzRegressions::kubeconfigWithInvalidUtf8IsRefused()
{
    // Given a kubeconfig whose token holds bytes that are not UTF-8 (F5..)
    const std::string text = regression("kubeconfig", "invalid-utf8-token.yaml");
    // When it is loaded, then it is refused as go-yaml refuses it, naming the line
    auto config = kube::Kubeconfig::fromYaml(text, "/tmp/config");
    QVERIFY(!config.ok());
    QVERIFY2(config.error().message.find("invalid UTF-8") != std::string::npos, config.error().message.c_str());
    QVERIFY2(config.error().where.find("/tmp/config:") == 0, config.error().where.c_str());
}

void TestFuzzRegressions::manifestsWithInvalidUtf8AreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bytes that are not UTF-8") << "invalid-utf8.yaml" << "invalid UTF-8";
    // yaml-cpp read the NUL bytes as a sign of UTF-32 and decoded the ASCII into invalid strings
    QTest::newRow("NUL bytes") << "nul-bytes.yaml" << "control character 0x01";
}

void TestFuzzRegressions::manifestsWithInvalidUtf8AreRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    // Given a --from manifest that is not UTF-8 text
    const std::string text = regression("manifests", name.toUtf8().constData());
    // When it is read
    auto documents = kube::parseManifestText(text, "fixture.yaml");
    // Then it is an error; before, the documents were returned and any dump() threw type_error 316
    QVERIFY(!documents.ok());
    QVERIFY2(documents.error().message.find(expected.toStdString()) != std::string::npos,
             documents.error().message.c_str());
}

void TestFuzzRegressions::manifestsYamlCppCannotFinishAreRefused()
{
    // Given text on which yaml-cpp 0.7's LoadAll loops for ever, allocating (found by the fuzzer)
    const std::string text = regression("manifests", "yaml-cpp-loop.yaml");
    // When it is read
    auto documents = kube::parseManifestText(text, "fixture.yaml");
    // Then it is refused at once instead of hanging until memory runs out
    QVERIFY(!documents.ok());
    QVERIFY2(documents.error().message.find("does not come to the end") != std::string::npos,
             documents.error().message.c_str());
}

void TestFuzzRegressions::manifestWithAnAliasInsideItsOwnAnchorIsRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    // the input fuzz_manifests found: the conversion followed the cycle until the stack overflowed
    QTest::newRow("found by the fuzzer") << QByteArray::fromStdString(regression("manifests", "alias-inside-its-own-anchor.yaml"));
    QTest::newRow("the smallest") << QByteArray("a: &x\n  b: *x\n");
}

void TestFuzzRegressions::manifestWithAnAliasInsideItsOwnAnchorIsRefused()
{
    QFETCH(QByteArray, text);
    // Given a manifest whose anchor holds an alias of itself, when it is read
    auto documents = kube::parseManifestText(text.toStdString(), "fixture.yaml");
    // Then it is refused with what and where, not followed for ever
    QVERIFY(!documents.ok());
    QVERIFY2(documents.error().message.find("levels deep") != std::string::npos, documents.error().describe().c_str());
    QVERIFY2(documents.error().describe().find("fixture.yaml") != std::string::npos, documents.error().describe().c_str());
}

void TestFuzzRegressions::manifestYamlEscapesReadAsUtf8()
{
    // Given manifests with YAML's \N and \_ escapes in double-quoted keys and values (found by
    // CI's fuzz pass: yaml-cpp 0.7 decodes them into lone bytes, and dump() threw type_error 316)
    auto documents = kube::parseManifestText(regression("manifests", "yaml-escapes-nel-nbsp.yaml"), "fixture.yaml");
    QVERIFY2(documents.ok(), documents.ok() ? "" : documents.error().message.c_str());
    QCOMPARE(documents->size(), std::size_t(2));
    // Then they read as the characters U+0085 and U+00A0, in UTF-8
    const auto &map = (*documents)[0];
    QCOMPARE(map["data"]["fr"].get<std::string>(), std::string("h\xC3\xA9llo\xC2\xA0monde"));
    QCOMPARE(map["metadata"]["annotations"]["note\xC2\xA0key"].get<std::string>(), std::string("first\xC2\x85second"));
    // and a character whose own UTF-8 ends in A0 or 85 (à is C3 A0, ą is C4 85) is left whole
    QCOMPARE(map["data"]["mixed"].get<std::string>(),
             std::string("\xC3\xA0\xC2\xA0\xC4\x85\xC2\x85\xE2\x80\xA6"));
    QCOMPARE((*documents)[1]["items"][0]["data"]["x"].get<std::string>(), std::string("a\xC2\x85\xC2\xA0" "b"));
    for (const auto &document : *documents) {
        // and every document prints, and goes through YAML and back unchanged
        const std::string yaml = kube::toYaml(document);
        auto back = kube::parseYamlDocuments(yaml, "roundtrip.yaml");
        QVERIFY2(back.ok() && back->size() == 1 && (*back)[0] == document, yaml.c_str());
        QVERIFY(!document.dump().empty());
    }
}

void TestFuzzRegressions::kubeconfigYamlEscapesReadAsUtf8()
{
    // Given a kubeconfig whose names use YAML's \_ and \N escapes (the same yaml-cpp decoding)
    const std::string text = regression("kubeconfig", "yaml-escapes-nel-nbsp.yaml");
    // When it is loaded
    auto config = kube::Kubeconfig::fromYaml(text, "/tmp/config");
    QVERIFY2(config.ok(), config.ok() ? "" : config.error().message.c_str());
    // Then the names are UTF-8 text, and the context resolves through them
    const std::string context = "dev\xC2\xA0" "admin";
    QCOMPARE(config->contextNames(), std::vector<std::string>{context});
    auto ns = config->contextNamespace(context);
    QVERIFY(ns.ok());
    QCOMPARE(*ns, std::string("team\xC2\xA0" "a"));
    auto resolved = config->resolve(context);
    QVERIFY2(resolved.ok(), resolved.ok() ? "" : resolved.error().message.c_str());
    // and `config view`, which threw type_error 316 as JSON, renders and loads again
    kube::KubeconfigViewOptions options;
    options.raw = true;
    auto view = kube::KubeconfigView::render(*config, options);
    QVERIFY(view.ok());
    QVERIFY(kube::KubeconfigView::toJson(*view).find("admin\xC2\x85user") != std::string::npos);
    auto again = kube::Kubeconfig::fromYaml(kube::KubeconfigView::toYaml(*view), "/tmp/config");
    QVERIFY(again.ok());
    QCOMPARE(again->contextNames(), std::vector<std::string>{context});
}

void TestFuzzRegressions::kubeconfigViewOfALongKeyLoadsAgain_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("explicitKey");
    // `config view --raw` wrote it as a simple key, which no YAML reader takes
    QTest::newRow("a key of more than 1,024 characters") << "key-over-1024-characters.yaml" << true;
    // the key order's digit runs overflowed int64 (undefined behaviour, seen by UBSan)
    QTest::newRow("keys with digit runs past int64") << "keys-with-long-digit-runs.yaml" << false;
}

void TestFuzzRegressions::kubeconfigViewOfALongKeyLoadsAgain()
{
    QFETCH(QString, name);
    QFETCH(bool, explicitKey);
    // Given a kubeconfig with extension keys go-yaml writes specially (found by fuzz_kubeconfig)
    const std::string text = regression("kubeconfig", name.toUtf8().constData());
    auto config = kube::Kubeconfig::fromYaml(text, "/tmp/config");
    QVERIFY2(config.ok(), config.ok() ? "" : config.error().message.c_str());
    kube::KubeconfigViewOptions options;
    options.raw = true;
    auto view = kube::KubeconfigView::render(*config, options);
    QVERIFY(view.ok());
    // When the raw view is written, then a long key is explicit ("? key") as go-yaml writes it
    const std::string yaml = kube::KubeconfigView::toYaml(*view);
    QCOMPARE(yaml.find("\n    ? ") != std::string::npos, explicitKey);
    // and the view loads again, to the same document
    auto again = kube::Kubeconfig::fromYaml(yaml, "/tmp/config");
    QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
    auto viewAgain = kube::KubeconfigView::render(*again, options);
    QVERIFY(viewAgain.ok());
    QCOMPARE(kube::KubeconfigView::toYaml(*viewAgain), yaml);
}

void TestFuzzRegressions::manifestsRoundTripThroughYaml_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("explicitKey");
    // the literal block it was written as added a newline
    QTest::newRow("multi-line text without a final newline") << "multiline-no-final-newline.yaml" << false;
    // written as a simple key, which no YAML reader takes (fuzz_manifests' 10 M run)
    QTest::newRow("a key of more than 1,024 characters") << "key-over-1024-characters.yaml" << true;
    // "\n \" \n" as a literal block: its first line is empty, so a reader took the indentation
    // from the second and its leading space was lost (FUZZ_FORK=2 run of 2026-12-06, in 30 s)
    QTest::newRow("text whose first line is empty and second indented") << "literal-block-indented-after-empty-line.yaml"
                                                                          << false;
    // the document " ..." (text) was written plain at the start of a line, where "..." ends a
    // document: it read back as null (fuzz_manifests, fork mode, after 3.5 M executions)
    QTest::newRow("text that is a document end marker") << "document-end-marker-as-text.yaml" << false;
    // "\uFFFF" reads as U+FFFF, but yaml-cpp's emitter wrote U+FFFD in its place (fuzz_manifests,
    // fork mode, after 8.76 M executions; minimized from a text with BEL and U+FFFF)
    QTest::newRow("text with a Unicode noncharacter") << "noncharacter-escape.yaml" << false;
}

void TestFuzzRegressions::manifestsRoundTripThroughYaml()
{
    QFETCH(QString, name);
    QFETCH(bool, explicitKey);
    // Given the documents of an input the fuzzer found
    auto documents = kube::parseManifestText(regression("manifests", name.toUtf8().constData()), "fixture.yaml");
    QVERIFY(documents.ok());
    QVERIFY(!documents->empty());
    for (const auto &document : *documents) {
        // When one is written as YAML, a long key is explicit ("? key")
        const std::string yaml = kube::toYaml(document);
        QCOMPARE(yaml.rfind("? ", 0) == 0, explicitKey);
        // and it reads back as the same document
        auto back = kube::parseYamlDocuments(yaml, "roundtrip.yaml");
        QVERIFY2(back.ok() && back->size() == 1 && (*back)[0] == document, yaml.c_str());
    }
    // (a short key stays a simple key)
    QCOMPARE(kube::toYaml(nlohmann::json{{"short", 1}}), std::string("short: 1\n"));
}

void TestFuzzRegressions::quantitySumPastInt32ExponentsReadsBack()
{
    // Given the two quantities of the input fuzz_quantity found (lines 1 and 11)
    const std::string text = regression("quantity", "sum-exponent-past-int32");
    std::vector<kube::Quantity> values;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line) && values.size() < 2;)
        if (auto q = kube::Quantity::parse(line); q.ok())
            values.push_back(*q);
    QCOMPARE(values.size(), std::size_t(2));
    // When they are added and the sum is written
    const kube::Quantity sum = values[0] + values[1];
    const std::string written = sum.toString();
    // Then the text reads back as the same value: before, its exponent was past int32
    // ("-4836e2147483649"), which the grammar (and the API server) refuses
    QCOMPARE(written, std::string("-4836000e2147483646"));
    auto back = kube::Quantity::parse(written);
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
    QVERIFY(*back == sum);
}

void TestFuzzRegressions::noncharactersAndDeleteAreWrittenEscaped()
{
    // Given keys and values holding Unicode noncharacters (U+FFFF, U+FDD0, U+10FFFE) and DEL,
    // and one holding the text toYaml's placeholders start with
    const nlohmann::json document = {
        {"k\xEF\xBF\xBF", "a\xEF\xB7\x90" "b"},
        {"plane16", "x\xF4\x8F\xBF\xBE\x7F y\n"},
        {"list", {"tenantry-quoted-0-0.", "\xEF\xBF\xBE"}},
    };
    // When it is written as YAML
    const std::string yaml = kube::toYaml(document);
    // Then the text is double-quoted as go-yaml writes it: U+FFFF, U+FFFE and DEL escaped, the
    // noncharacters that YAML counts printable (U+FDD0, U+10FFFE) as they are
    QVERIFY2(yaml.find("\"k\\uFFFF\": \"a\xEF\xB7\x90" "b\"\n") != std::string::npos, yaml.c_str());
    QVERIFY2(yaml.find("plane16: \"x\xF4\x8F\xBF\xBE\\x7F y\\n\"\n") != std::string::npos, yaml.c_str());
    QVERIFY2(yaml.find("- \"\\uFFFE\"\n") != std::string::npos, yaml.c_str());
    // and the whole reads back as the same document, the placeholder-like text included
    auto back = kube::parseYamlDocuments(yaml, "roundtrip.yaml");
    QVERIFY2(back.ok() && back->size() == 1 && (*back)[0] == document, yaml.c_str());
}

void TestFuzzRegressions::controlCharactersInMultiLineTextRoundTrip()
{
    // Given multi-line text with control characters, one final newline (found by the fuzzer)
    auto documents = kube::parseManifestText(regression("manifests", "control-characters-in-multiline-text.yaml"),
                                             "fixture.yaml");
    QVERIFY2(documents.ok(), documents.ok() ? "" : documents.error().message.c_str());
    QCOMPARE(documents->size(), std::size_t(2));
    QCOMPARE((*documents)[0]["data"]["vt"].get<std::string>(), std::string("a \vb\n"));
    for (const auto &document : *documents) {
        // When it is written as YAML and read back
        const std::string yaml = kube::toYaml(document);
        auto back = kube::parseYamlDocuments(yaml, "roundtrip.yaml");
        // Then it is the same: before, a literal block held the control characters raw, and
        // the text did not read again
        QVERIFY2(back.ok(), yaml.c_str());
        QVERIFY2(back->size() == 1 && (*back)[0] == document, yaml.c_str());
    }
}

void TestFuzzRegressions::ruleTextRoundTrips_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("a quoted newline in apiGroups") << "quoted-newline";
    QTest::newRow("a value that is itself quoted") << "quoted-quotes";
}

void TestFuzzRegressions::ruleTextRoundTrips()
{
    QFETCH(QString, name);
    const std::string input = regression("ruleparser", name.toUtf8().constData());
    const auto kind = static_cast<kube::tenancy::RuleKind>(static_cast<unsigned char>(input.at(0)) % 3);
    // Given a rule text the parser accepts (or refuses: then there is nothing to write back)
    auto rule = kube::tenancy::parseRule(payload(input, 1), kind);
    if (!rule.ok())
        return;
    // When it is written with formatRule and parsed again, then it is the same rule
    const std::string formatted = kube::tenancy::formatRule(*rule);
    auto again = kube::tenancy::parseRule(formatted, kind);
    QVERIFY2(again.ok(), formatted.c_str());
    QCOMPARE(QString::fromStdString(again->dump()), QString::fromStdString(rule->dump()));
}

void TestFuzzRegressions::watchEventWithNumberOverflowIsADecodeError()
{
    // Given a watch event whose object holds 1e999 (valid JSON syntax, no double holds it)
    const std::string stream = payload(regression("watchdecoder", "number-overflow"), 2);
    kube::WatchDecoder decoder;
    // When it is decoded, then it is a Decode error; before, nlohmann's out_of_range escaped
    // feed() and ended the watcher's thread with std::terminate
    kube::Result<std::vector<kube::WatchEvent>> events = std::vector<kube::WatchEvent>();
    try {
        events = decoder.feed(stream);
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    QVERIFY(!events.ok());
    QCOMPARE(events.error().kind, kube::ErrorKind::Decode);
}

void TestFuzzRegressions::idTokenExpiryPastTheClockRange_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("exp 1e300 (past long long)") << "exp-beyond-long-long";
    QTest::newRow("exp 2e10 (year 2603, past the clock)") << "exp-beyond-clock";
}

void TestFuzzRegressions::idTokenExpiryPastTheClockRange()
{
    QFETCH(QString, name);
    // Given an id-token whose exp lies past what system_clock (nanoseconds, to 2262) can hold
    const auto parts = oidcParts(regression("oidctoken", name.toUtf8().constData()));
    // When its expiry is read, then it is the clock's end (never expires), not an overflow
    auto expiry = kube::OidcAuthProvider::idTokenExpiry(jwt(parts[0]));
    QVERIFY(expiry.ok());
    QVERIFY(expiry->has_value());
    QVERIFY(**expiry == std::chrono::system_clock::time_point::max());
}

void TestFuzzRegressions::ksTokenLifetimeIsCapped()
{
    // Given ks-apiserver's answer with expires_in 1e300
    const auto parts = oidcParts(regression("oidctoken", "ks-expires-in-float"));
    const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    // When it is read, then the lifetime is capped at a century and the expiry lies after now
    auto token = kube::ksaccount::KsToken::fromTokenResponse(parts[2], now);
    QVERIFY(token.ok());
    QCOMPARE(token->lifetime.count(), 100LL * 365 * 24 * 3600);
    QVERIFY(token->expiresAt > now);
}

void TestFuzzRegressions::ksTokenSecretWithWrongTypes()
{
    // Given a keyring record whose token_type is a number and expires_at is 1e300
    const auto parts = oidcParts(regression("oidctoken", "ks-secret-wrong-types"));
    // When it is read, then it reads (json::value() threw type_error before) with defaults
    kube::Result<kube::ksaccount::KsToken> token = kube::Error::make(kube::ErrorKind::Auth, "not run");
    try {
        token = kube::ksaccount::KsToken::fromSecret(parts[2]);
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    QVERIFY(token.ok());
    QCOMPARE(QString::fromStdString(token->tokenType), QString("Bearer"));
    QVERIFY(token->expiresAt > std::chrono::system_clock::now());
}

void TestFuzzRegressions::auditCodeBeyondIntIsUnknown()
{
    // Given a journal line whose second write has "code":20888888888888888880 (the fuzzer's
    // input, cut down to a line that is still whole JSON)
    const std::string line = regression("auditline", "code-overflows-int.json");
    // When the index scans it (the scanner's digit loop overflowed int: undefined behaviour)
    std::vector<kube::audit::ScannedEvent> events;
    std::string why;
    QVERIFY2(kube::audit::scanLine(line, events, &why), why.c_str());
    QVERIFY(events.size() >= 2);
    // Then that write's code is 0 (unknown), its neighbour keeps its 200
    QCOMPARE(events[0].code, 200);
    QCOMPARE(events[1].code, 0);
    // And the full parse of the write agrees instead of narrowing a float (also undefined)
    auto full = kube::audit::parseEvent(std::string_view(line).substr(events[1].begin, events[1].length), events[1].item);
    QVERIFY(full.ok());
    QCOMPARE(full->code, 0);
}

void TestFuzzRegressions::auditFieldsOfTheWrongTypeReadAsAbsent_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("verb");
    QTest::addColumn<int>("code");
    QTest::newRow("journal write whose verb is a number") << "journal-verb-not-a-string.json" << "" << 200;
    QTest::newRow("apiserver event: code 9e99, decision 5, metadata a string") << "apiserver-fields-wrong-types.json"
                                                                           << "create" << 0;
}

void TestFuzzRegressions::auditFieldsOfTheWrongTypeReadAsAbsent()
{
    QFETCH(QString, name);
    QFETCH(QString, verb);
    QFETCH(int, code);
    // Given a line the scanner accepts whose fields have the wrong JSON types
    const std::string line = regression("auditline", name.toUtf8().constData());
    std::vector<kube::audit::ScannedEvent> events;
    std::string why;
    QVERIFY2(kube::audit::scanLine(line, events, &why), why.c_str());
    QCOMPARE(events.size(), std::size_t(1));
    // When the event is parsed in full (nlohmann's value() threw type_error out of the audit
    // worker: std::terminate), then it parses and the mistyped fields read as absent
    kube::Result<kube::audit::AuditEvent> full = kube::Error::make(kube::ErrorKind::Decode, "not run");
    try {
        full = kube::audit::parseEvent(std::string_view(line).substr(events[0].begin, events[0].length), events[0].item);
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    QVERIFY(full.ok());
    QCOMPARE(QString::fromStdString(full->verb), verb);
    QCOMPARE(full->code, code);
    QVERIFY(full->workspace.empty());
}

void TestFuzzRegressions::userNamedLikeAServiceAccountIsThatServiceAccount()
{
    using namespace kube::rbac;
    // Given the input on which fuzz_rbacmanifests' own check failed (fork mode, 2026-12-06): a
    // RoleBinding in ns1 grants the pod reader to {kind: ServiceAccount, name: default} with no
    // namespace, and a ClusterRoleBinding names a User "system:serviceaccount:ns1:default"
    const std::string text = payload(regression("rbacmanifests", "user-named-like-a-service-account.yaml"), 1);
    RbacData data;
    auto added = RbacLoader::addText(data, text, "user-named-like-a-service-account.yaml");
    QVERIFY2(added, added ? "" : added.error().describe().c_str());
    const auto index = RbacIndex::build(data);
    const Evaluator evaluator(index);
    const auto getPods = RequestAttributes::forResource("get", "", "pods", "ns1");
    // Then that user may get pods in ns1, as kube-apiserver decides it: a ServiceAccount subject
    // without a namespace is the binding's, and its user name is system:serviceaccount:ns1:default
    QVERIFY(evaluator.allowed(Identity::verbatim("system:serviceaccount:ns1:default"), getPods));
    QVERIFY(!evaluator.allowed(Identity::verbatim("system:serviceaccount:ns2:default"), getPods));
    // And who-can names the grant by the ServiceAccount, its namespace filled in (the target had
    // looked for a User subject of that name only)
    bool serviceAccountListed = false;
    for (const auto &a : WhoCan::query(*index, getPods))
        serviceAccountListed = serviceAccountListed || (a.subject.kind == "ServiceAccount" && a.subject.ns == "ns1" &&
                                                        a.subject.name == "default");
    QVERIFY(serviceAccountListed);
}

void TestFuzzRegressions::rbacManifestFieldsOfOtherTypesReadAsAbsent()
{
    using namespace kube::rbac;
    // Given manifests with fields of other JSON types than the API defines: a subject whose
    // kind is a number (fuzz_rbacmanifests' first finding: it ended tenantryctl who-can --from),
    // verbs as one string, a roleRef that is a string, a roleRef name that is a list, a label
    // value that is a number, an apiVersion and kind that are numbers
    const std::string text = payload(regression("rbacmanifests", "fields-of-other-types.yaml"), 1);
    RbacData data;
    auto added = RbacLoader::addText(data, text, "fields-of-other-types.yaml");
    QVERIFY2(added, added ? "" : added.error().describe().c_str());
    QCOMPARE(*added, std::size_t(4));  // the object whose kind is a number is not a kind the engine keeps
    const auto index = RbacIndex::build(data);
    const Evaluator evaluator(index);
    const auto getPods = RequestAttributes::forResource("get", "", "pods", "default");
    // Then alice keeps what her well-formed subject grants; a rule whose verbs are not a list grants nothing
    QVERIFY(evaluator.allowed(Identity::verbatim("alice"), getPods));
    QVERIFY(!evaluator.allowed(Identity::verbatim("alice"), RequestAttributes::forResource("get", "", "secrets", "default")));
    // And the subject whose kind is a number, and bindings whose roleRef cannot be read, grant nothing
    for (const char *who : {"bob", "carol", "dave"})
        QVERIFY2(!evaluator.allowed(Identity::verbatim(who), getPods), who);
    const auto answers = WhoCan::query(*index, getPods);
    QStringList names;
    for (const auto &a : answers)
        names << QString::fromStdString(a.subject.name);
    QVERIFY2(names.contains(QStringLiteral("alice")) && !names.contains(QStringLiteral("bob")), qPrintable(names.join(',')));

    // And an offline load says which fields it read as absent, and where
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rbac.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.data(), qint64(text.size()));
    file.close();
    auto loaded = RbacLoader::fromPath(path.toStdString());
    QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
    const std::string warnings = [&] {
        std::string all;
        for (const auto &w : loaded->warnings)
            all += w + "\n";
        return all;
    }();
    for (const char *expected : {"RoleBinding default/good: subjects[1].kind is a number, not a string (read as absent)",
                                 "ClusterRole reader: rules[1].verbs is a string, not a list of strings",
                                 "RoleBinding default/bad-ref: metadata.labels.team is a number, not a string",
                                 "RoleBinding default/bad-ref: roleRef is a string, not an object",
                                 "RoleBinding default/bad-ref-name: roleRef.name is a list, not a string"})
        QVERIFY2(warnings.find(expected) != std::string::npos, (std::string(expected) + "\nin:\n" + warnings).c_str());
    // A well-formed object has nothing to say
    QVERIFY(shapeProblems(nlohmann::json::parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding",
        "metadata":{"name":"x","namespace":"n","labels":{"a":"b"}},"roleRef":{"apiGroup":"rbac.authorization.k8s.io",
        "kind":"Role","name":"r"},"subjects":[{"kind":"User","name":"u"}]})")).empty());
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
