// The Rego engine of record: the `opa` command (built from the Go module by scripts/opa) run as
// a local process, `opa eval --v0-compatible` (KubeSphere's modules are Rego v0), the module
// loaded as authz.rego, query data.authz.allow. Many inputs of one policy go through one
// process (a comprehension over the inputs, each evaluated `with input as` it), and verdicts
// are cached per (policy, input), so a matrix costs one process per policy and a repeated
// question none. A probe copy of the module (RegoModule::probe) rides along to name the rule
// that allowed.
#pragma once

#include "kubeclient/rbac/regoevaluator.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace kube::rbac {

class OpaRegoEvaluator final : public RegoEvaluator
{
public:
    struct Options {
        std::string binary;  // the opa command (a path); empty: locate()
        std::chrono::milliseconds timeout{60'000};  // per opa process
        size_t cacheLimit = 500'000;                // verdicts kept; the cache is dropped when full
    };

    // Where opa is: $TENANTRY_OPA when set (even if it is not there: the message says so),
    // otherwise `opa` on PATH, otherwise the copy scripts/opa builds in the source tree this
    // program was built from. Empty with `why` filled when there is none.
    static std::string locate(std::string *why = nullptr);

    OpaRegoEvaluator();  // locate()d opa, default options
    explicit OpaRegoEvaluator(Options options);
    ~OpaRegoEvaluator() override;
    OpaRegoEvaluator(const OpaRegoEvaluator &) = delete;
    OpaRegoEvaluator &operator=(const OpaRegoEvaluator &) = delete;

    // The shared evaluator of this process (located once), for the CLI and the GUI.
    static std::shared_ptr<OpaRegoEvaluator> shared();

    bool available() const override { return m_why.empty(); }
    std::string unavailableReason() const override { return m_why; }
    std::string engineName() const override { return "opa (" + m_binary + ")"; }
    std::vector<RegoVerdict> evaluate(const std::string &policy, const std::vector<nlohmann::json> &inputs,
                                      const CancelTokenPtr &cancel = nullptr) override;

    // Counters for benchmarks and tests: opa processes started, verdicts answered from the cache.
    uint64_t processes() const { return m_processes.load(); }
    uint64_t cacheHits() const { return m_cacheHits.load(); }

private:
    struct Policy {
        std::string dir;          // holds authz.rego and, when the module has one, probe.rego
        bool probe = false;
        bool probeBroken = false;  // the probe did not compile: evaluate without it
        std::map<int, RegoRule> rules;  // the module's allow rules by line
        std::optional<std::set<std::string>> fields;  // RegoModule::inputFields
    };
    struct Batch {
        std::vector<RegoVerdict> verdicts;
        std::string error;    // the whole run failed (a compile error, opa not running)
        bool evalError = false;  // it failed while evaluating: some input is at fault
        bool probeError = false;  // only the probe module failed to compile
    };

    const Policy &policyFor(const std::string &policy, const std::string &hash);
    Batch run(const Policy &p, bool withProbe, const std::vector<const nlohmann::json *> &inputs,
              const CancelTokenPtr &cancel);
    // Splits a failing batch until each failing input has its own error.
    void runSplit(const Policy &p, bool withProbe, const std::vector<const nlohmann::json *> &inputs,
                  std::vector<RegoVerdict> &out, size_t at, const CancelTokenPtr &cancel);
    std::string shorten(const std::string &message, const Policy &p) const;

    Options m_options;
    std::string m_binary, m_why, m_workDir;
    std::mutex m_mutex;
    std::unordered_map<std::string, Policy> m_policies;        // by hash
    std::unordered_map<std::string, RegoVerdict> m_verdicts;   // hash + "\n" + input
    std::atomic<uint64_t> m_processes{0}, m_cacheHits{0}, m_runs{0};
};

} // namespace kube::rbac
