// The list decoder: a 2xx body into one list page (items, resourceVersion, continue), then the
// objects of each item as tenantryctl's offline readers take them (a v1 List nests).
#include "fuzzcheck.h"
#include "kubeclient/api/responsedecode.h"
#include "kubeclient/core/manifestfiles.h"
#include "kubeclient/core/objectmeta.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    kube::HttpResponse response;
    response.status = 200;
    response.body.assign(reinterpret_cast<const char *>(data), size);
    auto doc = kube::decodeJsonResponse(response, "list configmaps in all namespaces", "fuzz");
    if (!doc.ok())
        return 0;
    const bool hasArray = doc->is_object() && doc->contains("items") && (*doc)["items"].is_array();
    const std::size_t expected = hasArray ? (*doc)["items"].size() : 0;
    auto page = kube::decodeListPage(std::move(*doc), "list configmaps in all namespaces", "fuzz");
    if (!page.ok())
        return 0;
    FUZZ_CHECK(page->items.size() == expected, "items were lost or invented");
    for (const auto &item : page->items) {
        const kube::ObjectMeta meta(item);
        (void)meta.key();
        (void)meta.generation();
        (void)kube::objectsOf(item);
    }
    return 0;
}
