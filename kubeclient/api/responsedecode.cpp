// The response half of the dynamic client: status, JSON and list-page decoding without I/O.
#include "kubeclient/api/responsedecode.h"

#include "kubeclient/api/apistatus.h"

namespace kube {

using nlohmann::json;

Result<json> decodeJsonResponse(const HttpResponse &response, const std::string &what, const std::string &where)
{
    if (!response.isSuccess())
        return errorFromResponse(response, what).withContext(where);
    if (response.body.empty())
        return json::object();
    auto parsed = json::parse(response.body, nullptr, false);
    if (parsed.is_discarded())
        return Error::make(ErrorKind::Decode,
                           what + ": the server's answer is not valid JSON (" + std::to_string(response.body.size())
                               + " bytes)",
                           where, "the server or a proxy in between is misbehaving");
    return parsed;
}

Result<ListPage> decodeListPage(json &&doc, const std::string &what, const std::string &where)
{
    ListPage page;
    auto items = doc.find("items");
    if (items == doc.end() || !(items->is_array() || items->is_null()))
        return Error::make(ErrorKind::Decode, what + ": the answer has no items array", where);
    if (items->is_array()) {
        page.items.reserve(items->size());
        for (auto &item : *items)
            page.items.push_back(std::move(item));
    }
    if (auto meta = doc.find("metadata"); meta != doc.end() && meta->is_object()) {
        page.resourceVersion = meta->value("resourceVersion", "");
        page.continueToken = meta->value("continue", "");
    }
    return page;
}

} // namespace kube
