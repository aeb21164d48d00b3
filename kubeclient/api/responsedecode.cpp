// The response half of the dynamic client: status, JSON and list-page decoding without I/O.
#include "kubeclient/api/responsedecode.h"

#include "kubeclient/api/apistatus.h"
#include "kubeclient/core/text.h"

namespace kube {

using nlohmann::json;

Result<json> decodeJsonResponse(const HttpResponse &response, const std::string &what, const std::string &where)
{
    if (!response.isSuccess())
        return errorFromResponse(response, what).withContext(where);
    if (response.body.empty())
        return json::object();
    auto parsed = json::parse(response.body, nullptr, false);
    if (parsed.is_discarded()) {
        // Say what came instead: a proxy's HTML page, a cut-off body, a number JSON cannot hold.
        const std::string type = response.header("Content-Type");
        std::string message = what + ": the server's answer is not valid JSON ("
                            + (type.empty() ? std::string() : type + ", ") + std::to_string(response.body.size())
                            + " bytes): " + text::jsonProblem(response.body);
        if (const std::string title = text::htmlTitle(response.body); !title.empty())
            message += "; it is an HTML page titled \"" + title + "\"";
        return Error::make(ErrorKind::Decode, std::move(message), where,
                           "the server or a proxy in between is misbehaving");
    }
    if (!parsed.is_object())
        return Error::make(ErrorKind::Decode,
                           what + ": the server's answer is a JSON " + std::string(parsed.type_name()) + ", not an object",
                           where, "the server or a proxy in between is misbehaving");
    return parsed;
}

Result<ListPage> decodeListPage(json &&doc, const std::string &what, const std::string &where)
{
    ListPage page;
    const std::string kind = doc.is_object() && doc.contains("kind") && doc["kind"].is_string() ? doc["kind"].get<std::string>() : "";
    if (kind == "Status") {
        // A Status with a 2xx code: some proxies and aggregated APIs answer failures this way.
        const ApiStatus status = decodeStatus(doc);
        return Error::make(ErrorKind::Decode,
                           what + ": the answer is a Status, not a list: "
                               + (status.message.empty() ? std::string("no message") : status.message),
                           where, "the server or a proxy in between is misbehaving");
    }
    if (!kind.empty() && (kind.size() < 4 || kind.compare(kind.size() - 4, 4, "List") != 0))
        return Error::make(ErrorKind::Decode, what + ": the answer is a " + kind + ", not a list", where,
                           "the server or a proxy in between is misbehaving");
    auto items = doc.find("items");
    if (items == doc.end() || !(items->is_array() || items->is_null()))
        return Error::make(ErrorKind::Decode, what + ": the answer has no items array", where);
    if (items->is_array()) {
        page.items.reserve(items->size());
        for (std::size_t i = 0; i < items->size(); ++i) {
            auto &item = (*items)[i];
            // Everything downstream reads items as objects; one that is not would fail far away.
            if (!item.is_object())
                return Error::make(ErrorKind::Decode,
                                   what + ": items[" + std::to_string(i) + "] of the " + (kind.empty() ? "list" : kind)
                                       + " is " + std::string(item.type_name()) + ", not an object",
                                   where, "the server or a proxy in between is misbehaving");
            page.items.push_back(std::move(item));
        }
    }
    if (auto meta = doc.find("metadata"); meta != doc.end() && meta->is_object()) {
        page.resourceVersion = meta->value("resourceVersion", "");
        page.continueToken = meta->value("continue", "");
    }
    return page;
}

} // namespace kube
