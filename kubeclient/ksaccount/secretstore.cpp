// libsecret's synchronous calls (each runs its own main context, so any thread may call them):
// one schema for Tenantry's items, attributes as strings. GLib errors are turned into kube
// errors that say what is missing (no Secret Service, a locked keyring) without the secret.
#include "kubeclient/ksaccount/secretstore.h"

#include <libsecret/secret.h>

#include <mutex>

namespace kube::ksaccount {

namespace {

constexpr const char *kWhere = "Secret Service (org.freedesktop.secrets)";

// SECRET_SCHEMA_DONT_MATCH_NAME: items are matched by attributes only, so another tool that
// writes the same attributes (secret-tool, a test) finds and is found by the same item.
const SecretSchema *schema()
{
    static const SecretSchema s = {
        "dev.tenantry.Secret",
        SECRET_SCHEMA_DONT_MATCH_NAME,
        {
            {"application", SECRET_SCHEMA_ATTRIBUTE_STRING},
            {"kind", SECRET_SCHEMA_ATTRIBUTE_STRING},
            {"server", SECRET_SCHEMA_ATTRIBUTE_STRING},
            {"username", SECRET_SCHEMA_ATTRIBUTE_STRING},
            {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING},
        },
        0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    };
    return &s;
}

// A GHashTable of the attributes; the strings stay owned by `attributes`.
struct AttributeTable {
    explicit AttributeTable(const SecretAttributes &attributes) : table(g_hash_table_new(g_str_hash, g_str_equal))
    {
        for (const auto &[key, value] : attributes)
            g_hash_table_insert(table, const_cast<char *>(key.c_str()), const_cast<char *>(value.c_str()));
    }
    ~AttributeTable() { g_hash_table_unref(table); }
    AttributeTable(const AttributeTable &) = delete;
    AttributeTable &operator=(const AttributeTable &) = delete;
    GHashTable *table;
};

Error storeError(GError *error, const std::string &what)
{
    std::string message = what + ": " + (error && error->message ? error->message : "unknown error");
    std::string hint;
    if (error && (error->domain == G_DBUS_ERROR || g_str_has_prefix(error->message ? error->message : "", "Cannot autolaunch")))
        hint = "no Secret Service answers on the session bus: start gnome-keyring-daemon (or KeePassXC with its Secret Service "
               "integration) and log in to the desktop session";
    else if (error && error->domain == SECRET_ERROR && error->code == SECRET_ERROR_IS_LOCKED)
        hint = "unlock the keyring (the login keyring unlocks with your desktop login)";
    if (error)
        g_error_free(error);
    return Error::make(ErrorKind::Auth, message, kWhere, hint);
}

// libsecret keeps one connection per process; serialise our calls on it so a store racing a
// lookup from another thread sees a consistent item.
std::mutex &storeMutex()
{
    static std::mutex m;
    return m;
}

} // namespace

SecretStorePtr SecretServiceStore::shared()
{
    static SecretStorePtr store = std::make_shared<SecretServiceStore>();
    return store;
}

std::string SecretServiceStore::describe() const { return kWhere; }

Result<void> SecretServiceStore::store(const SecretAttributes &attributes, const std::string &label, const std::string &secret)
{
    std::lock_guard lock(storeMutex());
    AttributeTable table(attributes);
    GError *error = nullptr;
    const gboolean ok = secret_password_storev_sync(schema(), table.table, SECRET_COLLECTION_DEFAULT, label.c_str(),
                                                    secret.c_str(), nullptr, &error);
    if (!ok || error)
        return storeError(error, "cannot store the sign-in in the keyring");
    return {};
}

Result<std::optional<std::string>> SecretServiceStore::lookup(const SecretAttributes &attributes)
{
    std::lock_guard lock(storeMutex());
    AttributeTable table(attributes);
    GError *error = nullptr;
    gchar *found = secret_password_lookupv_sync(schema(), table.table, nullptr, &error);
    if (error) {
        if (found)
            secret_password_free(found);
        return storeError(error, "cannot read the sign-in from the keyring");
    }
    if (!found)
        return std::optional<std::string>{};
    std::string value(found);
    secret_password_free(found);  // wipes the memory before freeing it
    return std::optional<std::string>(std::move(value));
}

Result<bool> SecretServiceStore::remove(const SecretAttributes &attributes)
{
    std::lock_guard lock(storeMutex());
    AttributeTable table(attributes);
    GError *error = nullptr;
    const gboolean removed = secret_password_clearv_sync(schema(), table.table, nullptr, &error);
    if (error)
        return storeError(error, "cannot remove the sign-in from the keyring");
    return removed != FALSE;
}

} // namespace kube::ksaccount
