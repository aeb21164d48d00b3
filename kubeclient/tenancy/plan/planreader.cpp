// Label selector matching shared by the readers that answer lists without a server.
// Terms are comma separated; a term is key, !key, key=value, key==value or key!=value.
#include "kubeclient/tenancy/plan/planreader.h"

#include "kubeclient/core/text.h"

#include <algorithm>

namespace kube::tenancy {

namespace {

const nlohmann::json *labelOf(const nlohmann::json &labels, const std::string &key)
{
    if (!labels.is_object())
        return nullptr;
    auto it = labels.find(key);
    return it == labels.end() || !it->is_string() ? nullptr : &*it;
}

std::string trimmed(std::string_view s) { return std::string(text::trim(s)); }

bool termMatches(const std::string &term, const nlohmann::json &labels)
{
    if (term.empty())
        return true;
    if (term[0] == '!')
        return labelOf(labels, trimmed(std::string_view(term).substr(1))) == nullptr;
    if (auto pos = term.find("!="); pos != std::string::npos) {
        const nlohmann::json *v = labelOf(labels, trimmed(term.substr(0, pos)));
        // kube-apiserver: "k!=v" also matches objects without the label.
        return !v || v->get<std::string>() != trimmed(term.substr(pos + 2));
    }
    if (auto pos = term.find('='); pos != std::string::npos) {
        const size_t valueAt = term.compare(pos, 2, "==") == 0 ? pos + 2 : pos + 1;
        const nlohmann::json *v = labelOf(labels, trimmed(term.substr(0, pos)));
        return v && v->get<std::string>() == trimmed(term.substr(valueAt));
    }
    return labelOf(labels, trimmed(term)) != nullptr;
}

} // namespace

bool PlanReader::selectorMatches(const std::string &selector, const nlohmann::json &labels)
{
    size_t start = 0;
    while (start <= selector.size()) {
        const size_t end = std::min(selector.find(',', start), selector.size());
        if (!termMatches(trimmed(std::string_view(selector).substr(start, end - start)), labels))
            return false;
        start = end + 1;
    }
    return true;
}

} // namespace kube::tenancy
