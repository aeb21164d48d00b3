// Placeholder translation unit so the views library exists before its first view lands.
namespace tenantry::views {
const char *layerName() { return "views"; }
}
