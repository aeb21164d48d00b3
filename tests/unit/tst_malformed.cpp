// The bad-input corpus (tests/data/malformed/cases.json): every malformed kubeconfig, manifest,
// server answer, watch stream, audit line, exec-credential output and OIDC token answer goes
// through the real entry point under a watchdog, and must fail (or load) with a clear message.
#include "kubeclient/api/client.h"
#include "kubeclient/audit/auditindex.h"
#include "kubeclient/core/manifestfiles.h"
#include "kubeclient/core/quantity.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubeconfig/oidcauthprovider.h"
#include "kubeclient/watch/watchdecoder.h"
#include "tests/support/testhttpserver.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

using nlohmann::json;
using testsupport::TestHttpServer;
using testsupport::TestResponse;

namespace {

const std::string kCorpus = TENANTRY_TEST_DATA "/malformed/";
const QString kTenantryctl = QStringLiteral(TENANTRY_BINARY_DIR "/app/tenantryctl");
// A hang guard, not a speed assertion: no input may keep an entry point busy this long. 60 s,
// because the sanitizer build (Debug, ASan + UBSan) on shared cores needed over 10 s for the
// 100,000-item list; a hang (an endless loop) never returns at all.
constexpr auto kWatchdog = std::chrono::seconds(60);

// What an entry point made of one input: an error (or warnings) in words, or a summary of
// what it loaded.
struct Outcome {
    bool ok = false;
    std::string message;
};

std::string readFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

bool writeFile(const std::string &path, const std::string &content)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(content.data(), qint64(content.size())) == qint64(content.size());
}

Outcome failed(const kube::Error &e)
{
    return {false, e.describe()};
}

bool validUtf8(const std::string &s)
{
    try {
        (void)json(s).dump();
        return true;
    } catch (const json::exception &) {
        return false;
    }
}

// Inputs too big to commit, made at test time.
std::string generated(const std::string &what)
{
    if (what == "list-100k") {
        json items = json::array();
        for (int i = 0; i < 100000; ++i)
            items.push_back({{"metadata", {{"name", "cm-" + std::to_string(i)}, {"namespace", "team-a"},
                                           {"resourceVersion", std::to_string(1000 + i)}}},
                             {"data", {{"k", "v"}}}});
        return json{{"kind", "ConfigMapList"}, {"apiVersion", "v1"}, {"metadata", {{"resourceVersion", "99"}}},
                    {"items", std::move(items)}}
            .dump();
    }
    if (what == "annotation-10mb" || what == "watch-annotation-10mb") {
        json object = {{"apiVersion", "v1"}, {"kind", "ConfigMap"},
                       {"metadata", {{"name", "settings"}, {"namespace", "team-a"}, {"resourceVersion", "7"},
                                     {"annotations", {{"example.com/blob", std::string(10u << 20, 'x')}}}}}};
        if (what == "annotation-10mb")
            return object.dump();
        return json{{"type", "ADDED"}, {"object", std::move(object)}}.dump() + "\n";
    }
    if (what == "deep-json")
        return std::string(100000, '[') + std::string(100000, ']');
    if (what == "deep-yaml")
        return std::string(100000, '[') + "\n";
    if (what == "deep-yaml-map") {
        std::string s;
        for (int i = 0; i < 5000; ++i)
            s += std::string(std::size_t(i), ' ') + "a:\n";
        return s;
    }
    if (what == "truncated-list-1mb") {
        const std::string full = generated("list-100k");
        return full.substr(0, 1u << 20);
    }
    if (what == "watch-garbage-10k") {
        std::string s;
        for (int i = 0; i < 10000; ++i)
            s += R"({"type":"ADDED","object":{"kind":"ConfigMap","metadata":{"name":"cm-)" + std::to_string(i)
               + R"("}}})" "\n";
        s += "\x1b[31mgarbage\x00\xff line\n";
        return s;
    }
    if (what == "quantity-long") {
        return std::string(100000, '9') + "Ei";
    }
    if (what == "audit-huge-line") {
        return R"({"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"x","stage":"ResponseComplete","verb":"get","requestURI":"/x","user":{"username":")"
               + std::string(5u << 20, 'u') + "\"\n";
    }
    return {};
}

class MalformedCase
{
public:
    MalformedCase(json c, TestHttpServer *server, QTemporaryDir *scratch)
        : m_c(std::move(c)), m_server(server), m_scratch(scratch)
    {
    }

    Outcome run()
    {
        const std::string entry = m_c.value("entry", "");
        if (entry == "kubeconfig")
            return kubeconfig(path());
        if (entry == "exec")
            return exec();
        if (entry == "oidc")
            return oidc();
        if (entry == "manifest")
            return manifest();
        if (entry == "quantity")
            return quantity();
        if (entry == "watch")
            return watch();
        if (entry == "audit")
            return audit();
        if (entry == "server-get" || entry == "server-list" || entry == "server-watch")
            return server(entry);
        if (entry == "ctl")
            return ctl();
        return {false, "unknown entry point " + entry};
    }

private:
    std::string path() const
    {
        if (m_c.contains("generate")) {
            const std::string p = m_scratch->path().toStdString() + "/" + m_c["generate"].get<std::string>()
                                + m_c.value("suffix", ".yaml");
            writeFile(p, generated(m_c["generate"]));
            return p;
        }
        if (m_c.contains("absent"))
            return kCorpus + m_c["absent"].get<std::string>();
        return kCorpus + m_c.value("input", "");
    }
    std::string input() const
    {
        if (m_c.contains("generate"))
            return generated(m_c["generate"]);
        if (m_c.contains("text"))
            return m_c["text"];
        if (m_c.contains("textHex"))
            return QByteArray::fromHex(QByteArray::fromStdString(m_c["textHex"].get<std::string>())).toStdString();
        return readFile(kCorpus + m_c.value("input", ""));
    }

    Outcome kubeconfig(const std::string &file)
    {
        kube::KubeconfigSources sources;
        sources.explicitPath = file;
        auto kc = kube::Kubeconfig::load(sources);
        if (!kc)
            return failed(kc.error());
        kube::CredentialOptions options;
        options.execTimeout = std::chrono::milliseconds(5000);
        options.persistOidcTokens = false;
        options.oidcFetch = [](const kube::OidcHttpRequest &r, const kube::CancelTokenPtr &) -> kube::Result<kube::HttpResponse> {
            return kube::Error::make(kube::ErrorKind::Transport, "no network in this test: " + r.url);
        };
        kc->setCredentialOptions(options);
        const std::string context = m_c.value("context", "");
        auto resolved = kc->resolve(context);
        if (!resolved)
            return failed(resolved.error());
        auto transport = kc->transportConfig(context);
        if (!transport)
            return failed(transport.error());
        if (transport->credentials) {
            auto material = transport->credentials->current(nullptr);
            if (!material)
                return failed(material.error());
        }
        std::string warnings;
        for (const auto &w : kc->warnings())
            warnings += w.describe() + "\n";
        return {true, "context " + resolved->contextName + " server " + transport->server + "\n" + warnings};
    }

    // The output file becomes what a credential plugin prints: /bin/cat runs as the plugin.
    Outcome exec()
    {
        const std::string kc = m_scratch->path().toStdString() + "/exec-kubeconfig.yaml";
        const std::string config = "apiVersion: v1\nkind: Config\n"
                                   "clusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:6443\n"
                                   "users:\n- name: plugin-user\n  user:\n    exec:\n"
                                   "      apiVersion: "
                                 + m_c.value("execApiVersion", std::string("client.authentication.k8s.io/v1"))
                                 + "\n      command: /bin/cat\n      args: [\"" + path()
                                 + "\"]\n      interactiveMode: Never\n"
                                   "contexts:\n- name: x\n  context:\n    cluster: c\n    user: plugin-user\n"
                                   "current-context: x\n";
        writeFile(kc, config);
        return kubeconfig(kc);
    }

    // The identity provider's answers: discovery, then the token endpoint (the file).
    Outcome oidc()
    {
        kube::OidcSettings settings;
        settings.userName = "oidc-user";
        settings.where = "kubeconfig users[oidc-user]";
        settings.config = {{"idp-issuer-url", "https://issuer.example.com"},
                           {"client-id", "tenantry"},
                           {"refresh-token", "rt-1"}};
        const bool discoveryCase = m_c.value("stage", "") == "discovery";
        const std::string body = input();
        const int status = m_c.value("status", 200);
        settings.fetch = [&](const kube::OidcHttpRequest &r, const kube::CancelTokenPtr &) -> kube::Result<kube::HttpResponse> {
            kube::HttpResponse resp;
            resp.status = 200;
            resp.headers.push_back({"Content-Type", m_c.value("contentType", "application/json")});
            if (r.url.find("/.well-known/openid-configuration") != std::string::npos && !discoveryCase) {
                resp.body = R"({"issuer":"https://issuer.example.com","token_endpoint":"https://issuer.example.com/token"})";
                return resp;
            }
            resp.status = status;
            resp.body = body;
            return resp;
        };
        auto provider = kube::OidcAuthProvider::create(settings);
        if (!provider)
            return failed(provider.error());
        auto material = (*provider)->current(nullptr);
        if (!material)
            return failed(material.error());
        return {true, "token of " + std::to_string(material->bearerToken.size()) + " bytes"};
    }

    Outcome manifest()
    {
        auto read = kube::readManifestFiles(path());
        if (!read)
            return failed(read.error());
        std::size_t objects = 0;
        for (const auto &d : read->documents)
            objects += kube::objectsOf(d).size();
        std::string out;
        for (const auto &w : read->warnings)
            out += w + "\n";
        if (!read->warnings.empty())
            return {false, out};
        return {true, std::to_string(objects) + " objects"};
    }

    Outcome quantity()
    {
        if (m_c.contains("json")) {
            auto q = kube::Quantity::fromJson(m_c["json"]);
            return q ? Outcome{true, q->toString()} : failed(q.error());
        }
        auto q = kube::Quantity::parse(input());
        return q ? Outcome{true, q->toString()} : failed(q.error());
    }

    Outcome watch()
    {
        kube::WatchDecoder decoder;
        const std::string bytes = input();
        std::size_t events = 0;
        // Chunks of odd sizes, as a network delivers them.
        const std::size_t chunk = m_c.value("chunk", std::size_t(4093));
        for (std::size_t at = 0; at < bytes.size(); at += chunk) {
            auto got = decoder.feed(std::string_view(bytes).substr(at, chunk));
            if (!got)
                return failed(got.error());
            events += got->size();
        }
        auto rest = decoder.finish();
        if (!rest)
            return failed(rest.error());
        return {true, std::to_string(events + rest->size()) + " events"};
    }

    Outcome audit()
    {
        kube::audit::AuditIndex index;
        kube::audit::IndexOptions options;
        options.rotatedBackups = false;
        auto done = index.index({path()}, options);
        if (!done)
            return failed(done.error());
        std::string out;
        for (const auto &s : index.skipped())
            out += s.file + ":" + std::to_string(s.line) + ": " + s.why + "\n";
        if (index.skippedCount() > 0)
            return {false, out};
        return {true, std::to_string(index.rowCount()) + " rows"};
    }

    Outcome server(const std::string &entry)
    {
        TestResponse response;
        response.status = m_c.value("status", 200);
        response.headers.push_back({"Content-Type", m_c.value("contentType", "application/json")});
        if (entry == "server-watch") {
            const std::string body = input();
            for (std::size_t at = 0; at < body.size(); at += 65536)
                response.chunks.push_back(body.substr(at, 65536));
            if (response.chunks.empty())
                response.chunks.push_back({});
        } else {
            response.body = input();
        }
        m_server->setHandler([response](const testsupport::TestRequest &) { return response; });

        kube::TransportConfig config;
        config.server = m_server->url();
        config.where = "cluster test";
        config.requestTimeoutMs = 8000;
        config.connectTimeoutMs = 5000;
        config.maxRetriesOn429 = 0;
        kube::Client client(config);
        const kube::GroupVersionResource configmaps{"", "v1", "configmaps", true, "ConfigMap"};
        if (entry == "server-get") {
            auto got = client.get(configmaps, "team-a", "settings");
            if (!got)
                return failed(got.error());
            std::string summary = "object";
            if (got->is_object())
                if (auto a = got->find("metadata"); a != got->end() && a->is_object() && a->contains("annotations"))
                    for (const auto &[k, v] : (*a)["annotations"].items())
                        summary += " annotation " + k + " of " + std::to_string(v.is_string() ? v.get<std::string>().size() : 0)
                                 + " bytes";
            return {true, summary};
        }
        if (entry == "server-list") {
            auto got = client.list(configmaps, "team-a");
            if (!got)
                return failed(got.error());
            return {true, std::to_string(got->items.size()) + " items"};
        }
        std::size_t events = 0;
        auto watched = client.watch(configmaps, "team-a", {}, [&](const kube::WatchEvent &) {
            ++events;
            return true;
        });
        if (!watched)
            return failed(watched.error());
        return {true, std::to_string(events) + " events"};
    }

    Outcome ctl()
    {
        if (!QFileInfo::exists(kTenantryctl))
            return {false, "SKIP tenantryctl is not built"};
        QStringList args;
        for (const auto &a : m_c["args"]) {
            std::string s = a.get<std::string>();
            if (auto at = s.find("@MALFORMED@"); at != std::string::npos)
                s.replace(at, 11, kCorpus.substr(0, kCorpus.size() - 1));
            args << QString::fromStdString(s);
        }
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", m_scratch->path());
        env.remove("KUBECONFIG");
        p.setProcessEnvironment(env);
        p.start(kTenantryctl, args);
        if (!p.waitForFinished(8000)) {
            p.kill();
            p.waitForFinished();
            return {false, "tenantryctl did not finish"};
        }
        if (p.exitStatus() != QProcess::NormalExit)
            return {false, "tenantryctl crashed"};
        const std::string out = (p.readAllStandardError() + p.readAllStandardOutput()).toStdString();
        return {p.exitCode() == 0, out};
    }

    json m_c;
    TestHttpServer *m_server;
    QTemporaryDir *m_scratch;
};

json loadCases()
{
    const std::string text = readFile(kCorpus + "cases.json");
    auto doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("cases"))
        return json::array();
    return doc["cases"];
}

} // namespace

class tst_Malformed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        m_server = std::make_unique<TestHttpServer>(TestHttpServer::plainOptions());
        m_cases = loadCases();
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }

    // Given the corpus, then it has at least 100 inputs, each named once, every file used.
    void corpusIsComplete()
    {
        QVERIFY2(m_cases.size() >= 100, qPrintable(QString("only %1 cases").arg(m_cases.size())));
        std::set<std::string> names, inputs;
        for (const auto &c : m_cases) {
            const std::string name = c.value("name", "");
            QVERIFY2(!name.empty(), "a case without a name");
            QVERIFY2(names.insert(name).second, name.c_str());
            QVERIFY2(c.value("accept", false) || !c.value("expect", json::array()).empty(), name.c_str());
            if (c.contains("input")) {
                QVERIFY2(QFileInfo::exists(QString::fromStdString(kCorpus + c["input"].get<std::string>())), name.c_str());
                inputs.insert(c["input"]);
            }
        }
        QDirIterator it(QString::fromStdString(kCorpus), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const std::string rel = QDir(QString::fromStdString(kCorpus)).relativeFilePath(it.next()).toStdString();
            if (rel == "cases.json" || rel == "README.md" || rel.rfind("support/", 0) == 0)
                continue;
            QVERIFY2(inputs.count(rel), ("no case uses " + rel).c_str());
        }
    }

    void input_data()
    {
        QTest::addColumn<QByteArray>("caseJson");
        for (const auto &c : m_cases)
            QTest::newRow(c.value("name", "?").c_str()) << QByteArray::fromStdString(c.dump());
    }

    // Given one malformed input, when its entry point reads it under the watchdog, then it
    // returns (no crash, no hang) with an error that says what and where.
    void input()
    {
        QFETCH(QByteArray, caseJson);
        const json c = json::parse(caseJson.toStdString());

        auto promise = std::make_shared<std::promise<Outcome>>();
        auto future = promise->get_future();
        auto runner = std::make_shared<MalformedCase>(c, m_server.get(), &m_scratch);
        std::thread([promise, runner] {
            try {
                promise->set_value(runner->run());
            } catch (const std::exception &e) {
                promise->set_value({false, std::string("UNCAUGHT EXCEPTION: ") + e.what()});
            }
        }).detach();
        if (future.wait_for(kWatchdog) != std::future_status::ready)
            QFAIL("HANG: the entry point did not return within the watchdog's 60 s");
        const Outcome outcome = future.get();

        // TENANTRY_MALFORMED_PRINT=1 shows every message (for reviewing their wording).
        if (qEnvironmentVariableIsSet("TENANTRY_MALFORMED_PRINT"))
            qInfo("%s", outcome.message.c_str());
        if (outcome.message.rfind("SKIP ", 0) == 0)
            QSKIP(outcome.message.c_str() + 5);
        QVERIFY2(outcome.message.find("UNCAUGHT EXCEPTION") == std::string::npos, outcome.message.c_str());
        const bool accept = c.value("accept", false);
        QVERIFY2(outcome.ok == accept,
                 qPrintable(QString("expected %1, got %2: %3")
                                .arg(accept ? "success" : "an error", outcome.ok ? "success" : "an error",
                                     QString::fromStdString(outcome.message))));
        for (const auto &e : c.value("expect", json::array())) {
            const std::string want = e.get<std::string>();
            QVERIFY2(outcome.message.find(want) != std::string::npos,
                     qPrintable(QString("message lacks \"%1\":\n%2")
                                    .arg(QString::fromStdString(want), QString::fromStdString(outcome.message))));
        }
        // Clear words, not a library's raw exception text; printable in a terminal and in JSON.
        QVERIFY2(outcome.message.find("[json.exception") == std::string::npos, outcome.message.c_str());
        QVERIFY2(outcome.message.find("yaml-cpp:") == std::string::npos, outcome.message.c_str());
        QVERIFY2(validUtf8(outcome.message), "the message is not valid UTF-8");
        if (!accept) {
            // Errors carry their text with no raw control bytes (a terminal must not be garbled).
            for (unsigned char ch : outcome.message)
                QVERIFY2(ch >= 0x20 || ch == '\n' || ch == '\t', qPrintable(QString("control byte 0x%1 in: %2")
                                                                                  .arg(int(ch), 2, 16, QChar('0'))
                                                                                  .arg(QString::fromStdString(outcome.message))));
        }
    }

private:
    QTemporaryDir m_scratch;
    std::unique_ptr<TestHttpServer> m_server;
    json m_cases = json::array();
};

QTEST_GUILESS_MAIN(tst_Malformed)
#include "tst_malformed.moc"
