// Status decoding: the server's reason and message are kept verbatim, causes included.
#include "kubeclient/api/apistatus.h"

#include "kubeclient/core/text.h"

#include <algorithm>
#include <cctype>
#include <climits>
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
    std::string flat = body.substr(0, kMaxExcerpt);
    for (char &c : flat)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    // Control bytes and invalid UTF-8 escaped: the message goes to terminals, logs and JSON.
    std::string out = text::printable(flat);
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
    if (auto it = j.find("code"); it != j.end() && it->is_number_integer()) {
        // HTTP codes are three digits; anything else is noise, not a code to act on.
        const auto code = it->get<long long>();
        s.code = code >= 100 && code <= 999 ? int(code) : 0;
    }
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
            s.retryAfterSeconds = int(std::clamp<long long>(r->get<long long>(), 0, 24 * 3600));
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
        if (const std::string title = text::htmlTitle(response.body); !title.empty())
            s.message += " with an HTML page titled \"" + title
                       + "\" (a proxy or load balancer answered, not the API server)";
        else if (!response.body.empty())
            s.message += ": " + excerpt(response.body);
    }
    if (s.retryAfterSeconds == 0) {
        const std::string ra = response.header("Retry-After");
        if (!ra.empty())
            s.retryAfterSeconds = int(std::clamp(std::strtol(ra.c_str(), nullptr, 10), 0L, 24L * 3600));
    }
    return Error::api(std::move(s), what);
}

} // namespace kube
