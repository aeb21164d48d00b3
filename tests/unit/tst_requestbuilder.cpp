// Unit tests of RequestBuilder (URLs and bodies for every verb, no I/O), Status decoding and
// ObjectMeta accessors.
#include "kubeclient/api/apistatus.h"
#include "kubeclient/core/objectmeta.h"
#include "kubeclient/api/requestbuilder.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace kube;
using nlohmann::json;

namespace {
const GroupVersionResource kConfigMaps{"", "v1", "configmaps", true, "ConfigMap"};
const GroupVersionResource kNamespaces{"", "v1", "namespaces", false, "Namespace"};
const GroupVersionResource kWorkspaces{"tenant.kubesphere.io", "v1beta1", "workspacetemplates", false, "WorkspaceTemplate"};
const GroupVersionResource kRoles{"rbac.authorization.k8s.io", "v1", "roles", true, "Role"};

QString url(const HttpRequest &r) { return QString::fromStdString(r.method + " " + r.path); }
} // namespace

class tst_RequestBuilder : public QObject
{
    Q_OBJECT
private slots:
    void urls_data();
    void urls();
    void patchContentTypes();
    void deleteBody();
    void statusDecoding_data();
    void statusDecoding();
    void invalidCausesAndRetryAfter();
    void objectMeta();
};

void tst_RequestBuilder::urls_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const HttpRequest &r, const char *expected) {
        QTest::newRow(name) << url(r) << QString::fromLatin1(expected);
    };
    RequestBuilder cm(kConfigMaps), ns(kNamespaces), ws(kWorkspaces), roles(kRoles);

    row("get namespaced", cm.get("dev", "settings"), "GET /api/v1/namespaces/dev/configmaps/settings");
    row("get cluster-scoped", ns.get("", "dev"), "GET /api/v1/namespaces/dev");
    row("get cluster-scoped ignores ns", ns.get("ignored", "dev"), "GET /api/v1/namespaces/dev");
    row("get group", ws.get("", "alpha"), "GET /apis/tenant.kubesphere.io/v1beta1/workspacetemplates/alpha");
    row("get subresource", ns.get("", "dev", "status"), "GET /api/v1/namespaces/dev/status");
    row("list one namespace", cm.list("dev"), "GET /api/v1/namespaces/dev/configmaps");
    row("list all namespaces", cm.list(""), "GET /api/v1/configmaps");
    {
        ListOptions o;
        o.labelSelector = "kubesphere.io/workspace=alpha,app!=x";
        o.fieldSelector = "metadata.name=foo";
        o.limit = 500;
        o.continueToken = "abc=/+";
        row("list selectors paging", roles.list("p1", o),
            "GET /apis/rbac.authorization.k8s.io/v1/namespaces/p1/roles?labelSelector=kubesphere.io%2Fworkspace%3Dalpha%2Capp%21%3Dx&fieldSelector=metadata.name%3Dfoo&limit=500&continue=abc%3D%2F%2B");
    }
    {
        ListOptions o;
        o.resourceVersion = "0";
        o.resourceVersionMatch = "NotOlderThan";
        row("list rv", cm.list("", o), "GET /api/v1/configmaps?resourceVersion=0&resourceVersionMatch=NotOlderThan");
    }
    {
        ListOptions o;
        o.resourceVersion = "1234";
        o.allowWatchBookmarks = true;
        o.timeoutSeconds = 317;
        o.limit = 10;  // ignored for watch
        row("watch", cm.watch("dev", o),
            "GET /api/v1/namespaces/dev/configmaps?watch=true&resourceVersion=1234&timeoutSeconds=317&allowWatchBookmarks=true");
    }
    {
        ListOptions o;
        o.sendInitialEvents = true;
        o.allowWatchBookmarks = true;
        o.resourceVersionMatch = "NotOlderThan";
        row("streaming list", ns.watch("", o),
            "GET /api/v1/namespaces?watch=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&sendInitialEvents=true");
    }
    {
        WriteOptions w;
        w.dryRun = true;
        w.fieldManager = "tenantry";
        w.fieldValidation = "Strict";
        row("create dryrun", cm.create("dev", "{}", w),
            "POST /api/v1/namespaces/dev/configmaps?dryRun=All&fieldManager=tenantry&fieldValidation=Strict");
        row("create cluster-scoped", ws.create("", "{}", {}), "POST /apis/tenant.kubesphere.io/v1beta1/workspacetemplates");
        row("create subresource", RequestBuilder({"", "v1", "serviceaccounts", true, "ServiceAccount"}).create("dev", "{}", {}, "builder", "token"),
            "POST /api/v1/namespaces/dev/serviceaccounts/builder/token");
        row("update", cm.update("dev", "settings", "{}", w),
            "PUT /api/v1/namespaces/dev/configmaps/settings?dryRun=All&fieldManager=tenantry&fieldValidation=Strict");
        row("update status", ws.update("", "alpha", "{}", {}, "status"),
            "PUT /apis/tenant.kubesphere.io/v1beta1/workspacetemplates/alpha/status");
    }
    {
        WriteOptions w;
        w.fieldManager = "tenantry";
        w.force = true;
        row("apply force", roles.patch("p1", "viewer", PatchType::Apply, "{}", w),
            "PATCH /apis/rbac.authorization.k8s.io/v1/namespaces/p1/roles/viewer?fieldManager=tenantry&force=true");
        row("merge patch drops force", roles.patch("p1", "viewer", PatchType::Merge, "{}", w),
            "PATCH /apis/rbac.authorization.k8s.io/v1/namespaces/p1/roles/viewer?fieldManager=tenantry");
    }
    row("delete", cm.remove("dev", "settings"), "DELETE /api/v1/namespaces/dev/configmaps/settings");
    {
        DeleteOptions d;
        d.dryRun = true;
        row("delete dryrun", ns.remove("", "dev", d), "DELETE /api/v1/namespaces/dev?dryRun=All");
        ListOptions sel;
        sel.labelSelector = "a=b";
        row("deletecollection", cm.removeCollection("dev", sel, d), "DELETE /api/v1/namespaces/dev/configmaps?labelSelector=a%3Db&dryRun=All");
    }
    row("name escaping", cm.get("dev", "a b/c"), "GET /api/v1/namespaces/dev/configmaps/a%20b%2Fc");
}
void tst_RequestBuilder::urls()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void tst_RequestBuilder::patchContentTypes()
{
    // Given each patch flavour, when a patch request is built, then the content type names it.
    RequestBuilder b(kConfigMaps);
    QCOMPARE(b.patch("n", "x", PatchType::Json, "[]").header("content-type"), std::string("application/json-patch+json"));
    QCOMPARE(b.patch("n", "x", PatchType::Merge, "{}").header("Content-Type"), std::string("application/merge-patch+json"));
    QCOMPARE(b.patch("n", "x", PatchType::StrategicMerge, "{}").header("Content-Type"),
             std::string("application/strategic-merge-patch+json"));
    QCOMPARE(b.patch("n", "x", PatchType::Apply, "{}").header("Content-Type"), std::string("application/apply-patch+yaml"));
    QCOMPARE(b.create("n", "{}").header("Content-Type"), std::string("application/json"));
    QCOMPARE(b.patch("n", "x", PatchType::Merge, "{\"a\":1}").body, std::string("{\"a\":1}"));
}

void tst_RequestBuilder::deleteBody()
{
    // Given no options, the delete has no body at all.
    QVERIFY(RequestBuilder(kConfigMaps).remove("n", "x").body.empty());
    // Given preconditions and a propagation policy, the body is a DeleteOptions carrying them.
    DeleteOptions d;
    d.propagationPolicy = "Foreground";
    d.preconditionUid = "u-1";
    d.preconditionResourceVersion = "42";
    d.gracePeriodSeconds = 0;
    auto req = RequestBuilder(kConfigMaps).remove("n", "x", d);
    auto body = json::parse(req.body);
    QCOMPARE(body["kind"].get<std::string>(), std::string("DeleteOptions"));
    QCOMPARE(body["propagationPolicy"].get<std::string>(), std::string("Foreground"));
    QCOMPARE(body["preconditions"]["uid"].get<std::string>(), std::string("u-1"));
    QCOMPARE(body["preconditions"]["resourceVersion"].get<std::string>(), std::string("42"));
    QCOMPARE(body["gracePeriodSeconds"].get<int>(), 0);
    QCOMPARE(req.header("Content-Type"), std::string("application/json"));
}

void tst_RequestBuilder::statusDecoding_data()
{
    QTest::addColumn<int>("http");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("not found") << 404
        << R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"configmaps \"x\" not found","reason":"NotFound","details":{"name":"x","kind":"configmaps"},"code":404})"
        << int(StatusReason::NotFound) << "configmaps \"x\" not found";
    QTest::newRow("conflict") << 409
        << R"({"kind":"Status","status":"Failure","message":"Operation cannot be fulfilled on configmaps \"x\": the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict","code":409})"
        << int(StatusReason::Conflict) << "the object has been modified";
    QTest::newRow("already exists") << 409
        << R"({"kind":"Status","message":"namespaces \"dev\" already exists","reason":"AlreadyExists","code":409})"
        << int(StatusReason::AlreadyExists) << "already exists";
    QTest::newRow("forbidden") << 403
        << R"({"kind":"Status","message":"namespaces is forbidden: User \"alice\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope","reason":"Forbidden","details":{"kind":"namespaces"},"code":403})"
        << int(StatusReason::Forbidden) << "User \"alice\" cannot list";
    QTest::newRow("unauthorized") << 401 << R"({"kind":"Status","message":"Unauthorized","reason":"Unauthorized","code":401})"
        << int(StatusReason::Unauthorized) << "Unauthorized";
    QTest::newRow("expired") << 410
        << R"({"kind":"Status","message":"The provided continue parameter is too old","reason":"Expired","code":410})"
        << int(StatusReason::Expired) << "too old";
    QTest::newRow("gone without status") << 410 << "" << int(StatusReason::Gone) << "HTTP 410";
    QTest::newRow("429") << 429 << R"({"kind":"Status","message":"Too many requests","reason":"TooManyRequests","details":{"retryAfterSeconds":3},"code":429})"
        << int(StatusReason::TooManyRequests) << "Too many requests";
    QTest::newRow("timeout") << 504 << R"({"kind":"Status","message":"request timed out","reason":"Timeout","code":504})"
        << int(StatusReason::Timeout) << "timed out";
    QTest::newRow("internal") << 500 << R"({"kind":"Status","message":"etcdserver: leader changed","reason":"InternalError","code":500})"
        << int(StatusReason::InternalError) << "leader changed";
    QTest::newRow("garbage body") << 502 << "<html>Bad gateway</html>" << int(StatusReason::Unknown) << "<html>Bad gateway";
    QTest::newRow("unknown reason keeps text") << 422
        << R"({"kind":"Status","message":"m","reason":"SomethingNew","code":422})" << int(StatusReason::Invalid) << "m";
}
void tst_RequestBuilder::statusDecoding()
{
    QFETCH(int, http);
    QFETCH(QString, body);
    QFETCH(int, reason);
    QFETCH(QString, messagePart);
    // Given a non-2xx response, when it becomes an error, then reason and message are the server's.
    HttpResponse r;
    r.status = http;
    r.body = body.toStdString();
    Error e = errorFromResponse(r, "get configmaps \"x\" in namespace \"dev\"");
    QCOMPARE(e.kind, ErrorKind::Api);
    QVERIFY(e.status.has_value());
    QCOMPARE(int(e.status->reason), reason);
    QCOMPARE(e.status->code, http);
    QVERIFY2(QString::fromStdString(e.describe()).contains(messagePart), e.describe().c_str());
    QVERIFY2(QString::fromStdString(e.describe()).contains("get configmaps"), e.describe().c_str());
}

void tst_RequestBuilder::invalidCausesAndRetryAfter()
{
    // Given an Invalid status with field causes, the description names each field.
    HttpResponse r;
    r.status = 422;
    r.body = R"({"kind":"Status","message":"Namespace \"Bad_Name\" is invalid","reason":"Invalid","code":422,
        "details":{"name":"Bad_Name","kind":"Namespace","causes":[{"reason":"FieldValueInvalid","message":"Invalid value: \"Bad_Name\": a lowercase RFC 1123 label","field":"metadata.name"}]}})";
    Error e = errorFromResponse(r, "create namespaces");
    QCOMPARE(e.status->causes.size(), size_t(1));
    QCOMPARE(e.status->causes[0].field, std::string("metadata.name"));
    QCOMPARE(e.status->kind, std::string("Namespace"));
    // Given a 429 with only a header, Retry-After is read from it.
    HttpResponse busy;
    busy.status = 429;
    busy.headers = {{"Retry-After", "7"}};
    QCOMPARE(errorFromResponse(busy, "list").status->retryAfterSeconds, 7);
    QVERIFY(errorFromResponse(HttpResponse{410, {}, "", ""}, "watch").isGone());
}

void tst_RequestBuilder::objectMeta()
{
    json o = json::parse(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"p1","uid":"u","resourceVersion":"9",
        "labels":{"kubesphere.io/workspace":"alpha"},"annotations":{"kubesphere.io/creator":"admin"},"generation":3}})");
    ObjectMeta m(o);
    QCOMPARE(m.name(), std::string("p1"));
    QCOMPARE(m.key(), std::string("p1"));
    QCOMPARE(m.label("kubesphere.io/workspace"), std::string("alpha"));
    QCOMPARE(m.annotation("kubesphere.io/creator"), std::string("admin"));
    QCOMPARE(m.generation(), 3LL);
    QVERIFY(!m.hasLabel("nope"));
    // Given a malformed object, accessors read empty instead of throwing.
    json bad = json::parse(R"({"metadata":{"name":5,"labels":[1,2]}})");
    ObjectMeta b(bad);
    QCOMPARE(b.name(), std::string());
    QVERIFY(b.labels().empty());
    json notObject = json::array();
    QCOMPARE(ObjectMeta(notObject).name(), std::string());
}

QTEST_APPLESS_MAIN(tst_RequestBuilder)
#include "tst_requestbuilder.moc"
