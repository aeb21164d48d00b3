// Where sign-in tokens are kept: the seam (tests give an in-memory store) and the real one, the
// desktop's Secret Service (gnome-keyring, KWallet, KeePassXC) over D-Bus through libsecret.
// Tokens live only there: never in a settings file, a kubeconfig or a log.
#pragma once

#include "kubeclient/core/result.h"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace kube::ksaccount {

using SecretAttributes = std::map<std::string, std::string>;

class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // Creates or replaces the item with exactly these attributes. Thread-safe.
    virtual Result<void> store(const SecretAttributes &attributes, const std::string &label, const std::string &secret) = 0;
    // The item's secret; nullopt when there is none.
    virtual Result<std::optional<std::string>> lookup(const SecretAttributes &attributes) = 0;
    // Removes the item; false when there was none.
    virtual Result<bool> remove(const SecretAttributes &attributes) = 0;
    // "Secret Service (org.freedesktop.secrets)", for messages.
    virtual std::string describe() const = 0;
};

using SecretStorePtr = std::shared_ptr<SecretStore>;

// The Secret Service on the session bus (DBUS_SESSION_BUS_ADDRESS), default collection. An
// item is found by its attributes alone, as `secret-tool lookup` finds it.
class SecretServiceStore final : public SecretStore
{
public:
    // The one store of this process.
    static SecretStorePtr shared();

    Result<void> store(const SecretAttributes &attributes, const std::string &label, const std::string &secret) override;
    Result<std::optional<std::string>> lookup(const SecretAttributes &attributes) override;
    Result<bool> remove(const SecretAttributes &attributes) override;
    std::string describe() const override;
};

} // namespace kube::ksaccount
