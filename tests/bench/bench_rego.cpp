// Rego evaluated by opa (no cluster): a trace-like single decision in the KubeSphere view with
// opa (target <= 300 ms; the first question of a policy starts one opa process, a repeated one
// is answered from the cache), the same without an engine for contrast, one opa process over a
// batch of inputs, and a matrix row set with Rego roles in play (one batch per policy over all
// rows). Data: resources/builtins' platform roles plus a policy-only GlobalRole bound to the
// user, and N namespaces. Wall time and the CPU time of opa (children) are reported.
// usage: bench_rego [--opa PATH] [--namespaces N] [--repeat N]
#include "kubeclient/rbac/kubesphereevaluator.h"
#include "kubeclient/rbac/permissionmatrix.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/rbac/regoopa.h"
#include "kubeclient/core/yamlconvert.h"

#include "benchclock.h"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace kube::rbac;
using nlohmann::json;

namespace {

std::string readText(const std::string &path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string builtins(const char *file) { return std::string(TENANTRY_SOURCE_DIR) + "/resources/builtins/" + file; }

double childCpuMs()
{
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

std::shared_ptr<const RbacIndex> buildIndex(int namespaces)
{
    RbacData data;
    for (const char *file : {"30-globalroles.yaml", "31-globalrolebindings.yaml"})
        if (auto added = RbacLoader::addText(data, readText(builtins(file)), file); !added.ok())
            std::fprintf(stderr, "bench_rego: %s\n", added.error().describe().c_str());
    std::string policy;
    auto docs = kube::parseYamlDocuments(readText(builtins("20-roletemplates-global.yaml")), "templates");
    for (const auto &d : *docs)
        if (d.is_object() && d["metadata"].value("name", "") == "global-view-clusters")
            policy = d["metadata"]["annotations"].value("iam.kubesphere.io/rego-override", "");
    std::string extra;
    const json role = {{"apiVersion", "iam.kubesphere.io/v1beta1"},
                       {"kind", "GlobalRole"},
                       {"metadata", {{"name", "policy-viewer"}, {"annotations", {{"iam.kubesphere.io/rego-override", policy}}}}},
                       {"rules", json::array()}};
    extra += role.dump() + "\n---\n";
    extra += R"({"apiVersion":"iam.kubesphere.io/v1beta1","kind":"GlobalRoleBinding","metadata":{"name":"vic"},)"
             R"("roleRef":{"apiGroup":"iam.kubesphere.io","kind":"GlobalRole","name":"policy-viewer"},)"
             R"("subjects":[{"apiGroup":"iam.kubesphere.io","kind":"User","name":"vic"}]})"
             "\n---\n";
    for (int i = 0; i < namespaces; ++i)
        extra += R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"p)" + std::to_string(i) +
                 R"(","labels":{"kubesphere.io/workspace":"ws)" + std::to_string(i % 10) + R"("}}})" + "\n---\n";
    if (auto added = RbacLoader::addText(data, extra, "bench"); !added.ok())
        std::fprintf(stderr, "bench_rego: %s\n", added.error().describe().c_str());
    RbacIndex::Options o;
    o.kubesphereFlavor = kube::tenancy::ApiFlavor::V4;
    return RbacIndex::build(data, o);
}

std::shared_ptr<OpaRegoEvaluator> engine(const std::string &binary)
{
    OpaRegoEvaluator::Options o;
    o.binary = binary;
    return std::make_shared<OpaRegoEvaluator>(o);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

void row(const char *what, const char *size, double wallMs, double opaCpuMs, const char *note)
{
    std::printf("| %-52s | %-22s | %10.1f | %10.1f | %s |\n", what, size, wallMs, opaCpuMs, note);
}

} // namespace

int main(int argc, char **argv)
{
    std::string binary = std::string(TENANTRY_SOURCE_DIR) + "/tools/opa/bin/opa";
    int namespaces = 50, repeat = 7;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--opa"))
            binary = argv[i + 1];
        else if (!std::strcmp(argv[i], "--namespaces"))
            namespaces = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--repeat"))
            repeat = std::atoi(argv[i + 1]);
    }
    if (!engine(binary)->available()) {
        std::fprintf(stderr, "bench_rego: %s\n", engine(binary)->unavailableReason().c_str());
        return 1;
    }
    const auto index = buildIndex(namespaces);
    const Identity alice = Identity::impersonated("alice"), vic = Identity::impersonated("vic");
    const auto ownUser = RequestAttributes::forResource("update", "iam.kubesphere.io", "users", {}, "alice");
    std::printf("opa %s, %d namespaces, median of %d\n\n", binary.c_str(), namespaces, repeat);
    std::printf("| %-52s | %-22s | %10s | %10s | %s |\n", "what", "size", "wall ms", "opa cpu ms", "note");
    std::printf("|%s|%s|%s|%s|%s|\n", std::string(54, '-').c_str(), std::string(24, '-').c_str(),
                std::string(12, '-').c_str(), std::string(12, '-').c_str(), "------");

    // A trace-like decision: one identity, one request, the authenticated policy in play.
    {
        std::vector<double> plain;
        for (int i = 0; i < repeat; ++i) {
            auto t = bench::Clock::now();
            KubeSphereEvaluator ks(index);
            (void)ks.authorize(alice, ownUser);
            plain.push_back(bench::msSince(t));
        }
        row("single decision, no Rego engine (policy noted)", "1 request", median(plain), 0, "baseline");
    }
    {
        std::vector<double> cold, cpu, warm;
        bool allowed = true;
        for (int i = 0; i < repeat; ++i) {
            auto rego = engine(binary);  // fresh: module written, one opa process
            const double c0 = childCpuMs();
            auto t = bench::Clock::now();
            KubeSphereEvaluator ks(index, rego);
            allowed = allowed && ks.authorize(alice, ownUser).allowed;
            cold.push_back(bench::msSince(t));
            cpu.push_back(childCpuMs() - c0);
            t = bench::Clock::now();
            allowed = allowed && ks.authorize(alice, ownUser).allowed;
            warm.push_back(bench::msSince(t));
        }
        row("single decision with opa, first ask (trace-like)", "1 request, 1 policy", median(cold), median(cpu),
            allowed ? "target <= 300 ms; allowed by the policy" : "WRONG ANSWER");
        row("single decision with opa, asked again (cache)", "1 request, 1 policy", median(warm), 0, "no process");
    }
    {
        auto rego = engine(binary);
        KubeSphereEvaluator ks(index, rego);
        (void)ks.authorize(alice, ownUser);
        std::vector<double> next, cpu;
        for (int i = 0; i < repeat; ++i) {
            const double c0 = childCpuMs();
            auto t = bench::Clock::now();
            (void)ks.authorize(alice, RequestAttributes::forResource("update", "iam.kubesphere.io", "users", {},
                                                                       "u" + std::to_string(i)));
            next.push_back(bench::msSince(t));
            cpu.push_back(childCpuMs() - c0);
        }
        row("single decision with opa, new request, known policy", "1 request, 1 policy", median(next), median(cpu),
            "one opa process");
    }
    // One process over a batch of inputs.
    for (size_t n : {size_t(1), size_t(1000), size_t(10000), size_t(50000)}) {
        std::string policy = index->roles()[size_t(index->findRole("iam.kubesphere.io", "GlobalRole", "", "authenticated"))].regoPolicy;
        std::vector<json> inputs;
        for (size_t i = 0; i < n; ++i)
            inputs.push_back(regoInput(Identity::impersonated("u" + std::to_string(i % 100)),
                                       RequestAttributes::forResource("update", "iam.kubesphere.io", "users", {},
                                                                      "u" + std::to_string(i % 137)),
                                       kRegoScopeGlobal));
        auto rego = engine(binary);
        const double c0 = childCpuMs();
        auto t = bench::Clock::now();
        auto verdicts = rego->evaluate(policy, inputs);
        const double ms = bench::msSince(t);
        const bool ok = std::none_of(verdicts.begin(), verdicts.end(), [](const RegoVerdict &v) { return v.failed(); });
        char size[32];
        std::snprintf(size, sizeof size, "%zu inputs", n);
        char note[64];
        std::snprintf(note, sizeof note, "%s, %.1f us/input", ok ? "one process" : "ERRORS", ms * 1000 / double(n));
        row("opa batch, authenticated policy", size, ms, childCpuMs() - c0, note);
    }
    // A matrix row set with Rego roles: vic (policy-viewer + authenticated) at platform,
    // cluster and every namespace, builtin catalog, 8 verbs.
    {
        const auto catalog = ResourceCatalog::builtin();
        PermissionMatrix::Options o;
        o.view = View::KubeSphere;
        o.scopes = {MatrixScope::cluster(), MatrixScope::ns("p0")};
        auto t = bench::Clock::now();
        auto plain = PermissionMatrix::forIdentity(*index, catalog, vic, o);
        row("matrix row, no Rego engine", "cluster + 1 namespace", bench::msSince(t), 0, "baseline");
        for (bool all : {false, true}) {
            o.scopes = all ? std::vector<MatrixScope>{} : std::vector<MatrixScope>{MatrixScope::cluster(), MatrixScope::ns("p0")};
            o.rego = engine(binary);
            auto *opa = static_cast<OpaRegoEvaluator *>(o.rego.get());
            const double c0 = childCpuMs();
            t = bench::Clock::now();
            auto m = PermissionMatrix::forIdentity(*index, catalog, vic, o);
            const double cold = bench::msSince(t);
            const double cpu = childCpuMs() - c0;
            size_t cells = 0;
            for (const auto &r : m.rows())
                for (uint32_t bits : r.policy)
                    cells += size_t(__builtin_popcount(bits));
            char size[64], note[96];
            std::snprintf(size, sizeof size, "%zu rows x %zu resources", m.rows().size(), catalog.size());
            std::snprintf(note, sizeof note, "%llu opa processes, %zu cells allowed by a policy",
                          (unsigned long long)opa->processes(), cells);
            row(all ? "matrix, every scope, Rego roles (first)" : "matrix row, Rego roles (first)", size, cold, cpu, note);
            t = bench::Clock::now();
            m = PermissionMatrix::forIdentity(*index, catalog, vic, o);
            row(all ? "matrix, every scope, Rego roles (again, cache)" : "matrix row, Rego roles (again, cache)", size,
                bench::msSince(t), 0, "no process");
        }
    }
    return 0;
}
