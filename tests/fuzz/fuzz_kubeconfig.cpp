// Kubeconfig loading: one YAML (or JSON) document decoded as kubectl decodes it, merged, and
// every context resolved; then `config view` rendered (redacted and raw) and read back.
// Invariant: the raw rendering loads again, and its view is the same text. Nothing here reads credentials or runs plugins.
#include "fuzzcheck.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubeconfig/kubeconfigfile.h"
#include "kubeclient/kubeconfig/kubeconfigview.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    // Relative references resolve against a folder that does not exist.
    const std::string path = "/nonexistent/tenantry-fuzz/config";
    auto file = kube::KubeconfigFile::parse(text, path);
    auto config = kube::Kubeconfig::fromYaml(text, path);
    FUZZ_CHECK(file.ok() == config.ok(), "KubeconfigFile::parse and Kubeconfig::fromYaml disagree");
    if (!config.ok())
        return 0;
    for (const auto &name : config->contextNames()) {
        (void)config->resolve(name);
        (void)config->contextNamespace(name);
    }
    (void)config->resolve();
    for (const bool raw : {false, true}) {
        kube::KubeconfigViewOptions options;
        options.raw = raw;
        auto view = kube::KubeconfigView::render(*config, options);
        if (!view.ok())
            continue;
        const std::string yaml = kube::KubeconfigView::toYaml(*view);
        (void)kube::KubeconfigView::toJson(*view);
        if (!raw)
            continue;  // DATA+OMITTED is not base64: only the raw view loads again
        auto again = kube::Kubeconfig::fromYaml(yaml, path);
        FUZZ_CHECK(again.ok(), "config view output does not load again:\n" + yaml + "\n" +
                                   (again.ok() ? std::string() : again.error().message));
        // What it loads as is what was written: the view of it is the same text.
        auto viewAgain = kube::KubeconfigView::render(*again, options);
        FUZZ_CHECK(viewAgain.ok(), "the view of the reloaded view fails: " +
                                       (viewAgain.ok() ? std::string() : viewAgain.error().message));
        const std::string yamlAgain = kube::KubeconfigView::toYaml(*viewAgain);
        FUZZ_CHECK(yamlAgain == yaml, "config view --raw changes when read again:\n" + yaml + "\n---\n" + yamlAgain);
    }
    return 0;
}
