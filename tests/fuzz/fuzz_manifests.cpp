// The manifests loader behind every offline --from: one text of YAML/JSON documents, then the
// objects of each document (v1 Lists unwrapped), then the YAML writer on what was read.
// Invariant: what toYaml writes reads back as the same JSON.
#include "fuzzcheck.h"
#include "kubeclient/core/manifestfiles.h"
#include "kubeclient/core/yamlconvert.h"

#include <cstdint>
#include <string>

namespace {

// Before, any document whose JSON text held an "e" (every "apiVersion") skipped the round trip.
bool hasFloat(const nlohmann::json &value)
{
    if (value.is_number_float())
        return true;
    if (value.is_object() || value.is_array())
        for (const auto &item : value)
            if (hasFloat(item))
                return true;
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    auto documents = kube::parseManifestText(text, "fuzz.yaml");
    if (!documents.ok())
        return 0;
    for (const auto &document : *documents) {
        for (const auto &object : kube::objectsOf(document))
            (void)object.is_object();
        // Floats print through dump() and may not keep their exact bits; compare the rest.
        if (hasFloat(document))
            continue;
        const std::string yaml = kube::toYaml(document);
        auto back = kube::parseYamlDocuments(yaml, "fuzz-roundtrip.yaml");
        FUZZ_CHECK(back.ok(), "toYaml's output does not parse: " + yaml);
        if (document.is_null())
            continue;
        FUZZ_CHECK(back->size() == 1 && (*back)[0] == document,
                   "toYaml does not round-trip: " + document.dump() + "\n---\n" + yaml);
    }
    return 0;
}
