// opa as a child process (the exec-plugin runner: no shell, captured pipes, a deadline). Files
// go to a private temporary folder: each policy's module once, each batch's inputs per run.
#include "kubeclient/rbac/regoopa.h"

#include "kubeclient/kubeconfig/execplugin.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/rbac/regomodule.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include <sys/stat.h>
#include <unistd.h>

namespace kube::rbac {

namespace {
namespace fs = std::filesystem;

constexpr const char *kProbePackage = "tenantry_probe";
// Every input of the batch evaluated against the module, with and without the probe.
constexpr const char *kQueryWithProbe =
    "{i: r | some i; x := input.batch[i]; data.authz.allow == true with input as x; "
    "r := [n | some n; data.tenantry_probe[n] == true with input as x]}";
constexpr const char *kQuery = "{i | some i; x := input.batch[i]; data.authz.allow == true with input as x}";

bool executableFile(const std::string &path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

std::string firstLine(const std::string &text)
{
    const auto nl = text.find('\n');
    std::string line = text.substr(0, nl);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
        line.pop_back();
    return line;
}

bool writeFile(const std::string &path, const std::string &content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    return bool(out.flush());
}
} // namespace

std::string OpaRegoEvaluator::locate(std::string *why)
{
    const char *hint = "(scripts/opa builds it)";
    if (const char *env = std::getenv("TENANTRY_OPA"); env && *env) {
        if (executableFile(env))
            return env;
        if (why)
            *why = std::string("opa not available: TENANTRY_OPA=") + env + " is not an executable file " + hint;
        return {};
    }
    if (const char *path = std::getenv("PATH")) {
        std::string dirs = path;
        size_t start = 0;
        while (start <= dirs.size()) {
            size_t colon = dirs.find(':', start);
            if (colon == std::string::npos)
                colon = dirs.size();
            const std::string dir = dirs.substr(start, colon - start);
            start = colon + 1;
            if (!dir.empty() && executableFile(dir + "/opa"))
                return dir + "/opa";
        }
    }
#ifdef TENANTRY_OPA_DEFAULT
    if (executableFile(TENANTRY_OPA_DEFAULT))
        return TENANTRY_OPA_DEFAULT;
#endif
    if (why)
        *why = std::string("opa not available: no opa on PATH and TENANTRY_OPA is not set ") + hint;
    return {};
}

OpaRegoEvaluator::OpaRegoEvaluator() : OpaRegoEvaluator(Options()) {}

OpaRegoEvaluator::OpaRegoEvaluator(Options options) : m_options(std::move(options))
{
    m_binary = m_options.binary;
    if (m_binary.empty())
        m_binary = locate(&m_why);
    else if (!executableFile(m_binary))
        m_why = "opa not available: " + m_binary + " is not an executable file (scripts/opa builds it)";
    if (!m_why.empty())
        return;
    std::error_code ec;
    std::string base = fs::temp_directory_path(ec).string();
    if (ec || base.empty())
        base = "/tmp";
    std::string pattern = base + "/tenantry-opa-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        m_why = "opa not available: cannot create a folder for its modules under " + base;
        return;
    }
    m_workDir = pattern;
}

OpaRegoEvaluator::~OpaRegoEvaluator()
{
    if (!m_workDir.empty()) {
        std::error_code ec;
        fs::remove_all(m_workDir, ec);
    }
}

std::shared_ptr<OpaRegoEvaluator> OpaRegoEvaluator::shared()
{
    static std::mutex mutex;
    static std::shared_ptr<OpaRegoEvaluator> instance;
    std::lock_guard lock(mutex);
    if (!instance)
        instance = std::make_shared<OpaRegoEvaluator>();
    return instance;
}

const OpaRegoEvaluator::Policy &OpaRegoEvaluator::policyFor(const std::string &policy, const std::string &hash)
{
    // Called with m_mutex held.
    auto it = m_policies.find(hash);
    if (it != m_policies.end())
        return it->second;
    Policy p;
    p.dir = m_workDir + "/" + hash;
    std::error_code ec;
    fs::create_directories(p.dir, ec);
    writeFile(p.dir + "/authz.rego", policy);
    RegoModule module(policy);
    for (auto &rule : module.rules("allow"))
        p.rules.emplace(rule.line, std::move(rule));
    p.fields = module.inputFields();
    const std::string probe = module.probe(kProbePackage, "allow");
    p.probe = !probe.empty() && writeFile(p.dir + "/probe.rego", probe);
    return m_policies.emplace(hash, std::move(p)).first->second;
}

std::string OpaRegoEvaluator::shorten(const std::string &message, const Policy &p) const
{
    // Name files as ks-apiserver does (authz.rego), not by their place in our temporary folder.
    std::string out = message;
    const std::string prefix = p.dir + "/";
    for (size_t at; (at = out.find(prefix)) != std::string::npos;)
        out.erase(at, prefix.size());
    return out;
}

OpaRegoEvaluator::Batch OpaRegoEvaluator::run(const Policy &p, bool withProbe,
                                              const std::vector<const nlohmann::json *> &inputs,
                                              const CancelTokenPtr &cancel)
{
    Batch b;
    b.verdicts.resize(inputs.size());
    nlohmann::json doc = {{"batch", nlohmann::json::array()}};
    for (const auto *in : inputs)
        doc["batch"].push_back(*in);
    const std::string inputFile = m_workDir + "/input-" + std::to_string(++m_runs) + ".json";
    if (!writeFile(inputFile, doc.dump())) {
        b.error = "cannot write opa's input file " + inputFile;
        return b;
    }
    ExecPluginRequest request;
    request.command = m_binary;
    request.args = {"eval", "--v0-compatible", "--format", "json", "--data", p.dir + "/authz.rego"};
    if (withProbe)
        request.args.insert(request.args.end(), {"--data", p.dir + "/probe.rego"});
    request.args.insert(request.args.end(), {"--input", inputFile, withProbe ? kQueryWithProbe : kQuery});
    request.timeout = m_options.timeout;
    request.maxStdoutBytes = std::max<size_t>(4u << 20, inputs.size() * 256);
    ++m_processes;
    const ExecPluginOutcome outcome = ExecPlugin::run(request, cancel);
    std::error_code ec;
    fs::remove(inputFile, ec);

    const std::string who = "opa (" + m_binary + ")";
    switch (outcome.status) {
    case ExecPluginOutcome::Status::NotFound: b.error = who + " was not found"; return b;
    case ExecPluginOutcome::Status::SpawnFailed: b.error = who + " could not be started"; return b;
    case ExecPluginOutcome::Status::TimedOut:
        b.error = who + " did not answer within " + std::to_string(m_options.timeout.count() / 1000) + " s";
        return b;
    case ExecPluginOutcome::Status::Cancelled: b.error = "cancelled"; return b;
    case ExecPluginOutcome::Status::Signaled:
        b.error = who + " was killed by signal " + std::to_string(outcome.signal);
        return b;
    case ExecPluginOutcome::Status::Exited: break;
    }
    nlohmann::json out = nlohmann::json::parse(outcome.out, nullptr, false);
    if (out.is_discarded() || !out.is_object()) {
        const std::string detail = firstLine(outcome.err.empty() ? outcome.out : outcome.err);
        b.error = who + " failed (exit code " + std::to_string(outcome.exitCode) + ")" +
                  (detail.empty() ? ", without a message" : ": " + detail);
        return b;
    }
    if (auto errors = out.find("errors"); errors != out.end() && errors->is_array() && !errors->empty()) {
        bool policyFile = false, probeFile = false, evalError = false;
        std::string text;
        for (const auto &e : *errors) {
            const std::string code = e.value("code", "");
            std::string where;
            if (auto loc = e.find("location"); loc != e.end() && loc->is_object()) {
                const std::string file = loc->value("file", "");
                policyFile = policyFile || file.ends_with("/authz.rego");
                probeFile = probeFile || file.ends_with("/probe.rego");
                if (!file.empty())
                    where = file + ":" + std::to_string(loc->value("row", 0)) + ": ";
            }
            evalError = evalError || code.rfind("eval_", 0) == 0;
            if (!text.empty())
                text += "; ";
            text += where + code + ": " + e.value("message", "");
        }
        b.error = shorten(text, p);
        b.probeError = probeFile && !policyFile && !evalError;
        b.evalError = evalError;
        return b;
    }
    const nlohmann::json *value = nullptr;
    if (auto results = out.find("result"); results != out.end() && results->is_array() && !results->empty()) {
        const auto &exprs = (*results)[0]["expressions"];
        if (exprs.is_array() && !exprs.empty())
            value = &exprs[0]["value"];
    }
    if (!value) {
        b.error = who + " answered without a result";
        return b;
    }
    if (withProbe && value->is_object()) {
        for (const auto &[key, names] : value->items()) {
            size_t i = 0;
            try {
                i = std::stoul(key);
            } catch (const std::exception &) {
                continue;
            }
            if (i >= b.verdicts.size())
                continue;
            RegoVerdict &v = b.verdicts[i];
            v.allowed = true;
            int best = 0;
            for (const auto &n : names)
                if (n.is_string())
                    if (int line = RegoModule::lineOfProbeRule(n.get<std::string>()); line && (!best || line < best))
                        best = line;
            if (auto r = p.rules.find(best); r != p.rules.end())
                v.rule = r->second;
        }
    } else if (!withProbe && value->is_array()) {
        for (const auto &n : *value)
            if (n.is_number_unsigned() && n.get<size_t>() < b.verdicts.size())
                b.verdicts[n.get<size_t>()].allowed = true;
    } else {
        b.error = who + " answered with an unexpected result";
    }
    return b;
}

void OpaRegoEvaluator::runSplit(const Policy &p, bool withProbe, const std::vector<const nlohmann::json *> &inputs,
                                std::vector<RegoVerdict> &out, size_t at, const CancelTokenPtr &cancel)
{
    Batch b = run(p, withProbe, inputs, cancel);
    if (b.error.empty()) {
        for (size_t i = 0; i < inputs.size(); ++i)
            out[at + i] = std::move(b.verdicts[i]);
        return;
    }
    if (b.evalError && inputs.size() > 1) {
        // One input's evaluation failed (a conflict, a failing built-in): find which.
        const size_t half = inputs.size() / 2;
        runSplit(p, withProbe, {inputs.begin(), inputs.begin() + long(half)}, out, at, cancel);
        runSplit(p, withProbe, {inputs.begin() + long(half), inputs.end()}, out, at + half, cancel);
        return;
    }
    for (size_t i = 0; i < inputs.size(); ++i) {
        out[at + i] = RegoVerdict{};
        out[at + i].error = b.error;
    }
}

std::vector<RegoVerdict> OpaRegoEvaluator::evaluate(const std::string &policy,
                                                    const std::vector<nlohmann::json> &inputs,
                                                    const CancelTokenPtr &cancel)
{
    std::vector<RegoVerdict> out(inputs.size());
    if (!available()) {
        for (auto &v : out)
            v.error = m_why;
        return out;
    }
    const std::string hash = tenancy::fnv64a(policy) + "-" + std::to_string(policy.size());
    std::vector<std::string> keys(inputs.size());
    std::vector<nlohmann::json> reduced;  // inputs without the fields the module cannot read
    std::vector<const nlohmann::json *> missing;
    std::vector<size_t> missingAt;
    const Policy *p = nullptr;
    bool probe = false;
    {
        std::lock_guard lock(m_mutex);
        p = &policyFor(policy, hash);
        probe = p->probe && !p->probeBroken;
        std::unordered_map<std::string, size_t> firstMiss;
        if (p->fields) {
            reduced.reserve(inputs.size());
            for (const auto &in : inputs) {
                nlohmann::json r = nlohmann::json::object();
                if (in.is_object())
                    for (const auto &f : *p->fields)
                        if (auto it = in.find(f); it != in.end())
                            r[f] = *it;
                reduced.push_back(std::move(r));
            }
        }
        for (size_t i = 0; i < inputs.size(); ++i) {
            const nlohmann::json &in = p->fields ? reduced[i] : inputs[i];
            keys[i] = hash + "\n" + in.dump();
            if (auto it = m_verdicts.find(keys[i]); it != m_verdicts.end()) {
                out[i] = it->second;
                ++m_cacheHits;
            } else if (firstMiss.emplace(keys[i], i).second) {
                missing.push_back(&in);
                missingAt.push_back(i);
            }
        }
    }
    if (missing.empty())
        return out;
    std::vector<RegoVerdict> fresh(missing.size());
    Batch first = run(*p, probe, missing, cancel);
    if (first.error.empty()) {
        fresh = std::move(first.verdicts);
    } else if (first.probeError) {
        // The probe copy did not compile where the module does: evaluate without naming rules.
        {
            std::lock_guard lock(m_mutex);
            m_policies[hash].probeBroken = true;
        }
        runSplit(*p, false, missing, fresh, 0, cancel);
    } else if (first.evalError) {
        runSplit(*p, probe, missing, fresh, 0, cancel);
    } else {
        for (auto &v : fresh)
            v.error = first.error;
    }
    std::lock_guard lock(m_mutex);
    if (m_verdicts.size() + fresh.size() > m_options.cacheLimit)
        m_verdicts.clear();
    std::unordered_map<std::string, size_t> freshOf;
    for (size_t j = 0; j < fresh.size(); ++j) {
        freshOf.emplace(keys[missingAt[j]], j);
        // Errors are not kept: a failing opa or a broken policy is asked again next time.
        if (fresh[j].error.empty())
            m_verdicts.emplace(keys[missingAt[j]], fresh[j]);
    }
    // Every input that was not in the cache, repeated ones included, gets its batch verdict.
    for (size_t i = 0; i < inputs.size(); ++i)
        if (auto it = freshOf.find(keys[i]); it != freshOf.end())
            out[i] = fresh[it->second];
    return out;
}

} // namespace kube::rbac
