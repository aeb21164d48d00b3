// Placeholder translation unit so the models library exists before its first model lands.
namespace tenantry::models {
const char *layerName() { return "models"; }
}
