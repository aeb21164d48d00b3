// The journal record's identity (kind and apiVersion), shared by the writer (journal.h) and the
// audit engine that reads records back, which must not need the tenancy engine to do so.
#pragma once

namespace kube::journal {

inline constexpr const char *kRecordKind = "TenantryJournalRecord";
inline constexpr const char *kRecordApiVersion = "tenantry.dev/v1";

} // namespace kube::journal
