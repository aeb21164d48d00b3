// Status decoding: the server's reason and message are kept verbatim, causes included.
#include "kubeclient/api/apistatus.h"

#include <cstdlib>

namespace kube {

namespace {
std::string str(const nlohmann::json &j, const char *key)
{
    auto it = j.find(key);
    return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

std::string excerpt(const std::string &body)
{
    constexpr size_t kMaxExcerpt = 200;
    std::string out;
    for (char c : body.substr(0, kMaxExcerpt))
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (body.size() > kMaxExcerpt)
        out += "...";
    return out;
}
} // namespace

ApiStatus decodeStatus(const nlohmann::json &j)
{
    ApiStatus s;
    if (!j.is_object())
        return s;
    if (auto it = j.find("code"); it != j.end() && it->is_number_integer())
        s.code = it->get<int>();
    s.reasonText = str(j, "reason");
    s.reason = statusReasonFromString(s.reasonText);
    if (s.reason == StatusReason::Unknown && s.code != 0)
        s.reason = statusReasonFromCode(s.code);
    s.message = str(j, "message");
    if (auto d = j.find("details"); d != j.end() && d->is_object()) {
        s.group = str(*d, "group");
        s.kind = str(*d, "kind");
        s.name = str(*d, "name");
        if (auto r = d->find("retryAfterSeconds"); r != d->end() && r->is_number_integer())
            s.retryAfterSeconds = r->get<int>();
        if (auto causes = d->find("causes"); causes != d->end() && causes->is_array()) {
            for (const auto &c : *causes)
                s.causes.push_back({str(c, "reason"), str(c, "message"), str(c, "field")});
        }
    }
    return s;
}

Error errorFromResponse(const HttpResponse &response, const std::string &what)
{
    ApiStatus s;
    auto parsed = nlohmann::json::parse(response.body, nullptr, false);
    if (!parsed.is_discarded() && parsed.is_object() && str(parsed, "kind") == "Status") {
        s = decodeStatus(parsed);
    }
    if (s.code == 0)
        s.code = response.status;
    if (s.reason == StatusReason::Unknown)
        s.reason = statusReasonFromCode(response.status);
    if (s.message.empty()) {
        s.message = "HTTP " + std::to_string(response.status);
        if (!response.body.empty())
            s.message += ": " + excerpt(response.body);
    }
    if (s.retryAfterSeconds == 0) {
        const std::string ra = response.header("Retry-After");
        if (!ra.empty())
            s.retryAfterSeconds = std::atoi(ra.c_str());
    }
    return Error::api(std::move(s), what);
}

} // namespace kube
