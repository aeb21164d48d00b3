// kube::FrozenJson: the compact read-only documents the stores and the graph hold. Each test
// compares the frozen form with the nlohmann tree it was made from.
#include "kubeclient/core/frozenjson.h"

#include <QtTest>

#include <limits>
#include <thread>
#include <vector>

using kube::FrozenJson;
using nlohmann::json;

namespace {

json projectNamespace(int i)
{
    return json::parse(R"({"apiVersion":"v1","kind":"Namespace","metadata":{
        "name":"p-)" + std::to_string(i) + R"(","uid":"3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","resourceVersion":"123456",
        "creationTimestamp":"2026-12-06T06:00:00Z",
        "labels":{"kubesphere.io/workspace":"ws-1","kubesphere.io/managed":"true","kubernetes.io/metadata.name":"p-1"},
        "annotations":{"kubesphere.io/creator":"admin","kubesphere.io/alias-name":"Project one","kubesphere.io/description":"d"},
        "ownerReferences":[{"apiVersion":"tenant.kubesphere.io/v1beta1","kind":"Workspace","name":"ws-1","uid":"u","blockOwnerDeletion":true,"controller":true}]},
        "spec":{"finalizers":["kubernetes"]},"status":{"phase":"Active"}})");
}

} // namespace

class TestFrozenJson : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsEveryKindOfValue_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("object") << QString::fromStdString(projectNamespace(1).dump());
        QTest::newRow("null") << "null";
        QTest::newRow("booleans") << "[true,false]";
        QTest::newRow("int32 edges") << "[0,-1,2147483647,-2147483648]";
        QTest::newRow("int64") << "[2147483648,-2147483649,-9223372036854775808,9223372036854775807]";
        QTest::newRow("uint64") << "[18446744073709551615,4294967296]";
        QTest::newRow("doubles") << "[0.5,-1e300,1.7976931348623157e308,5e-324]";
        // moc's tokenizer stops at a raw string holding "\\": this text is written out instead.
        QTest::newRow("unicode and escapes")
            << QString::fromUtf8("{\"k\\u00e9y\":\"v\u00e4l\u00fce \\\"q\\\" \\\\ \\n \\u0000 end\",\"\xF0\x9F\x98\x80\":\"\xF0\x9F\x98\x80\"}");
        QTest::newRow("empty containers") << R"({"a":{},"b":[],"c":[{}],"d":""})";
        QTest::newRow("nested arrays") << "[[[[1]]],[2,[3,[4]]]]";
    }
    void roundTripsEveryKindOfValue()
    {
        QFETCH(QString, text);
        const json original = json::parse(text.toStdString());
        const kube::FrozenPtr frozen = kube::freeze(original);
        QCOMPARE(frozen->toJson(), original);
        QCOMPARE(frozen->dump(), original.dump());
        QCOMPARE(frozen->type(), original.type());
        QCOMPARE(frozen->size(), original.size());
        // Integer kinds survive: nlohmann parses 5 as unsigned, -5 as signed.
        if (original.is_array())
            for (std::size_t i = 0; i < original.size(); ++i) {
                QCOMPARE((*frozen)[i].type(), original[i].type());
                QCOMPARE((*frozen)[i].is_number_unsigned(), original[i].is_number_unsigned());
            }
    }

    void readsLikeNlohmann()
    {
        const json original = projectNamespace(7);
        const kube::FrozenPtr frozen = kube::freeze(original);
        const FrozenJson &meta = (*frozen)["metadata"];
        QVERIFY(meta.is_object());
        QCOMPARE(meta["name"].get<std::string>(), std::string("p-7"));
        QCOMPARE(meta["labels"]["kubesphere.io/workspace"].text(), std::string_view("ws-1"));
        QVERIFY(meta.contains("labels"));
        QVERIFY(!meta.contains("label"));
        QVERIFY(meta.find("nothing") == meta.end());
        QVERIFY(meta["nothing"]["deeper"].is_null());  // missing reads as null, never throws
        QVERIFY(meta["ownerReferences"][0]["controller"].get<bool>());
        QVERIFY(meta["ownerReferences"][5].is_null());
        QCOMPARE(meta.value("resourceVersion", std::string("x")), std::string("123456"));
        QCOMPARE(meta.value("missing", "fallback"), std::string("fallback"));
        QCOMPARE(meta.value("labels", std::string("not a string")), std::string("not a string"));
        QCOMPARE(frozen->at_pointer("/metadata/annotations/kubesphere.io~1creator").text(), std::string_view("admin"));
        QCOMPARE(frozen->at_pointer("/metadata/ownerReferences/0/kind").text(), std::string_view("Workspace"));
        QVERIFY(frozen->at_pointer("/metadata/ownerReferences/x").is_null());

        // Iteration: members in nlohmann's (sorted) order, with their names.
        std::vector<std::string> keys, expected;
        for (auto it = meta.begin(); it != meta.end(); ++it)
            keys.push_back(it.key());
        for (auto it = original["metadata"].begin(); it != original["metadata"].end(); ++it)
            expected.push_back(it.key());
        QCOMPARE(keys, expected);
        std::size_t values = 0;
        for (auto it = meta["labels"].items().begin(); it != meta["labels"].items().end(); ++it) {
            QCOMPARE(std::string(it.value().text()), original["metadata"]["labels"][it.key()].get<std::string>());
            ++values;
        }
        QCOMPARE(values, std::size_t(3));
        QVERIFY_THROWS_EXCEPTION(json::type_error, meta["name"].get<bool>());
        QCOMPARE((*frozen)["status"]["phase"].get<json>(), json("Active"));
    }

    void comparesByValue()
    {
        const kube::FrozenPtr a = kube::freeze(projectNamespace(1));
        const kube::FrozenPtr b = kube::freeze(projectNamespace(1));
        const kube::FrozenPtr c = kube::freeze(projectNamespace(2));
        QVERIFY(*a == *b);
        QVERIFY(!(*a == *c));
        QVERIFY(*kube::freeze(json::parse("[1, 1.0, -0]")) == *kube::freeze(json::parse("[1.0, 1, 0]")));
        QVERIFY(!(*kube::freeze(json::parse(R"({"a":1})")) == *kube::freeze(json::parse(R"({"b":1})"))));
        QVERIFY(*a == projectNamespace(1));
    }

    // The point of the type: well under the text, a fraction of the tree.
    void isSmallerThanItsText()
    {
        const json original = projectNamespace(3);
        const kube::FrozenPtr frozen = kube::freeze(original);
        const std::size_t text = original.dump().size();
        QVERIFY2(kube::frozenBytes(*frozen) <= text, qPrintable(QString("%1 bytes for %2 of text").arg(kube::frozenBytes(*frozen)).arg(text)));
    }

    // Names are released with the last document holding them; shared ones stay.
    void releasesNamesWithTheirLastDocument()
    {
        const std::size_t before = kube::frozenKeyCount();
        kube::FrozenPtr a = kube::freeze(json::parse(R"({"only-in-this-test-a":1,"shared-by-both":2})"));
        kube::FrozenPtr b = kube::freeze(json::parse(R"({"only-in-this-test-b":1,"shared-by-both":2})"));
        QCOMPARE(kube::frozenKeyCount(), before + 3);
        a.reset();
        QCOMPARE(kube::frozenKeyCount(), before + 2);
        QCOMPARE((*b)["shared-by-both"].get<int>(), 2);
        b.reset();
        QCOMPARE(kube::frozenKeyCount(), before);
        // A freed id is reused for another name and reads as that name.
        kube::FrozenPtr c = kube::freeze(json::parse(R"({"a-third-name":3})"));
        QCOMPARE(c->begin().key(), std::string("a-third-name"));
    }

    // apiVersion, kind and apiGroup values are vocabulary: kept once per process, read as strings
    // like any other, released with their last document.
    void sharesVocabularyValues()
    {
        const std::size_t before = kube::frozenKeyCount();
        const json role = json::parse(R"({"apiVersion":"example.test/v-only-here","kind":"KindOnlyHere",
            "roleRef":{"apiGroup":"group.only.here","kind":"KindOnlyHere","name":"admin"},
            "subjects":[{"apiGroup":"group.only.here","kind":"User","name":"u"}]})");
        kube::FrozenPtr a = kube::freeze(role);
        kube::FrozenPtr b = kube::freeze(role);
        QCOMPARE(a->toJson(), role);
        QCOMPARE((*a)["roleRef"]["apiGroup"].text(), std::string_view("group.only.here"));
        QCOMPARE((*a)["kind"].get<std::string>(), std::string("KindOnlyHere"));
        QVERIFY((*a)["subjects"][0]["kind"].is_string());
        QCOMPARE((*a)["subjects"][0]["kind"].type(), json::value_t::string);
        QVERIFY(*a == *b);
        QVERIFY(*a == role);
        // A shared value and the same text stored inline (a member of another name) compare equal.
        QVERIFY((*kube::freeze(json::parse(R"({"x":{"kind":"K"}})")))["x"]["kind"]
                == (*kube::freeze(json::parse(R"({"x":{"name":"K"}})")))["x"]["name"]);
        // Names (apiVersion, kind, roleRef, apiGroup, name, subjects) and three values.
        QVERIFY(kube::frozenKeyCount() >= before + 3);
        // Each value counts per use: the last document gives them back.
        a.reset();
        QCOMPARE((*b)["apiVersion"].text(), std::string_view("example.test/v-only-here"));
        b.reset();
        QCOMPARE(kube::frozenKeyCount(), before);
        // Small: those three strings take no bytes of the block.
        const json longer = json::parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","other":"rbac.authorization.k8s.io/v1"})");
        const kube::FrozenPtr c = kube::freeze(longer);
        const kube::FrozenPtr d = kube::freeze(json::parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","other":""})"));
        QCOMPARE(kube::frozenBytes(*c) - kube::frozenBytes(*d), std::string("rbac.authorization.k8s.io/v1").size());
    }

    // Names other objects refer to are shared too: namespaces, a roleRef's and each subject's
    // name, KubeSphere's reference labels. An object's own name, other labels and annotations
    // stay in its block.
    void sharesReferenceValues()
    {
        const auto binding = [](const std::string &ref, const std::string &own) {
            return json{{"apiVersion", "iam.kubesphere.io/v1beta1"},
                        {"kind", "RoleBinding"},
                        {"metadata",
                         {{"name", own + "-admin"},
                          {"namespace", ref},
                          {"labels", {{"iam.kubesphere.io/user-ref", ref}, {"kubesphere.io/workspace", ref}, {"app", own}}},
                          {"annotations", {{"kubesphere.io/creator", own}}}}},
                        {"roleRef", {{"apiGroup", "iam.kubesphere.io"}, {"kind", "Role"}, {"name", ref}}},
                        {"subjects",
                         {{{"apiGroup", "iam.kubesphere.io"}, {"kind", "User"}, {"name", ref}},
                          {{"kind", "ServiceAccount"}, {"name", ref}, {"namespace", ref}}}}};
        };
        const std::size_t before = kube::frozenKeyCount();
        const std::string ref(40, 'r');
        const json full = binding(ref, "own");
        const kube::FrozenPtr a = kube::freeze(full);
        // It reads back whole, each shared value as the string it was
        QCOMPARE(a->toJson(), full);
        QVERIFY(*a == full);
        QCOMPARE((*a)["subjects"][1]["namespace"].text(), std::string_view(ref));
        QCOMPARE((*a)["metadata"]["labels"]["kubesphere.io/workspace"].get<std::string>(), ref);
        QCOMPARE((*a)["roleRef"]["name"].type(), json::value_t::string);
        // The seven uses of the 40-byte reference take no byte of the block: the same document
        // with a one-letter reference has the same size
        QCOMPARE(kube::frozenBytes(*a), kube::frozenBytes(*kube::freeze(binding("r", "own"))));
        // while the object's own name, the "app" label and the annotation are the block's
        const std::string own(40, 'o');
        QCOMPARE(kube::frozenBytes(*kube::freeze(binding(ref, own))) - kube::frozenBytes(*a), 3 * (own.size() - 3));
        // And the reference, counted per use, goes with the last document holding it
        const std::size_t with = kube::frozenKeyCount();
        kube::FrozenPtr b = kube::freeze(full);
        QCOMPARE(kube::frozenKeyCount(), with);
        b.reset();
        QCOMPARE(kube::frozenKeyCount(), with);
        QVERIFY(with > before);
    }

    // Stores freeze on watch threads while the GUI thread reads: documents made and dropped on
    // several threads at once, sharing names, each still reading its own values.
    void freezesAndReleasesOnManyThreads()
    {
        const std::size_t before = kube::frozenKeyCount();
        std::vector<std::thread> threads;
        std::atomic<int> wrong{0};
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([t, &wrong] {
                for (int i = 0; i < 2000; ++i) {
                    json j = projectNamespace(i);
                    j["metadata"]["labels"]["thread-" + std::to_string(t) + "-" + std::to_string(i % 17)] = "v";
                    const kube::FrozenPtr f = kube::freeze(j);
                    if ((*f)["metadata"]["name"].text() != "p-" + std::to_string(i) || f->toJson() != j)
                        ++wrong;
                }
            });
        for (auto &t : threads)
            t.join();
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(kube::frozenKeyCount(), before);
    }

    void bigStringsAndDeepNesting()
    {
        json big = json::object();
        big["annotation"] = std::string(10 * 1024 * 1024, 'x');
        const kube::FrozenPtr f = kube::freeze(big);
        QCOMPARE((*f)["annotation"].text().size(), std::size_t(10 * 1024 * 1024));
        // Past 2^28 - 1 bytes the length no longer fits the node and goes in front of the bytes
        // (a first version pointed the node past that length: found by an ASan driver).
        {
            const std::size_t n = (std::size_t(1) << 28) + 3;
            json huge = json::object();
            huge["s"] = std::string(n, 'y');
            huge["s"].get_ref<std::string &>().back() = 'z';
            huge["after"] = "still here";
            const kube::FrozenPtr h = kube::freeze(huge);
            huge = nullptr;
            QCOMPARE((*h)["s"].text().size(), n);
            QCOMPARE((*h)["s"].text().front(), 'y');
            QCOMPARE((*h)["s"].text().back(), 'z');
            QCOMPARE((*h)["after"].text(), std::string_view("still here"));
        }
        json deep = 1;
        for (int i = 0; i < 500; ++i)
            deep = json::array({deep});
        QCOMPARE(kube::freeze(deep)->toJson(), deep);
    }
};

QTEST_APPLESS_MAIN(TestFrozenJson)
#include "tst_frozenjson.moc"
