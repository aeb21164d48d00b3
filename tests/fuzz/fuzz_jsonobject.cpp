// The object decoder of a get: an HTTP status and body into JSON or a typed error (a Status
// for non-2xx), then the metadata accessors every view reads. First byte picks the status.
// The decoded object is also frozen, as stores keep it: it must read back as the same JSON and
// answer the same metadata.
#include "fuzzcheck.h"
#include "kubeclient/api/apistatus.h"
#include "kubeclient/api/responsedecode.h"
#include "kubeclient/core/frozenjson.h"
#include "kubeclient/core/objectmeta.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const int kStatuses[] = {200, 201, 204, 400, 401, 403, 404, 409, 410, 422, 429, 500, 503, 504, 302, 0};
    kube::HttpResponse response;
    response.status = size > 0 ? kStatuses[data[0] % (sizeof kStatuses / sizeof kStatuses[0])] : 200;
    if (size > 0)
        response.body.assign(reinterpret_cast<const char *>(data) + 1, size - 1);
    auto decoded = kube::decodeJsonResponse(response, "get configmaps \"x\" in namespace \"y\"", "fuzz");
    if (!decoded.ok()) {
        (void)decoded.error().describe();
        return 0;
    }
    const nlohmann::json &object = *decoded;
    (void)kube::decodeStatus(object);
    const kube::ObjectMeta meta(object);
    (void)meta.name();
    (void)meta.namespaceName();
    (void)meta.uid();
    (void)meta.resourceVersion();
    (void)meta.labels();
    (void)meta.annotations();
    (void)meta.ownerReferences();
    (void)meta.creationTimestamp();
    (void)meta.deletionTimestamp();
    (void)meta.finalizers();

    const kube::FrozenPtr frozen = kube::freeze(object);
    FUZZ_CHECK(frozen->toJson() == object, "the frozen copy reads back as other JSON");
    const kube::ObjectMeta frozenMeta(*frozen);
    FUZZ_CHECK(frozenMeta.name() == meta.name(), "the frozen copy has another name");
    FUZZ_CHECK(frozenMeta.labels() == meta.labels(), "the frozen copy has other labels");
    FUZZ_CHECK(frozenMeta.annotations() == meta.annotations(), "the frozen copy has other annotations");
    FUZZ_CHECK(frozenMeta.generation() == meta.generation(), "the frozen copy has another generation");
    FUZZ_CHECK(*frozen == *kube::freeze(object), "two frozen copies of one object differ");
    return 0;
}
