// Benchmark of the desktop app on a synthetic tenancy (500 workspaces, 5,000 projects, 5,000
// users seeded into the bench cluster): time from process start to first paint and to the
// complete tree, resident memory then, versus `kubectl get` of the same objects in the same run.
#include "benchapp.h"

#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/tenancy/plan/objectfactory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>
#include <vector>

using namespace kube;
using namespace kube::tenancy;
using bench::AppRun;
using bench::median;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int workspaces = argc > 1 ? std::atoi(argv[1]) : 500;
    const int projectsPerWorkspace = argc > 2 ? std::atoi(argv[2]) : 10;
    const int users = argc > 3 ? std::atoi(argv[3]) : 5000;
    const int runs = argc > 4 ? std::atoi(argv[4]) : 3;
    const QString kubeconfig = qEnvironmentVariable("KUBECONFIG");
    const QString tenantry = QFileInfo(QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/tenantry")).absoluteFilePath();

    const auto client = bench::clientFor(kubeconfig, 0, "bench_gui");  // seeding is not what is measured
    if (!client)
        return 1;
    const TenancyApi api = TenancyApi::forFlavor(ApiFlavor::V4);
    const ObjectFactory factory(api, "bench");

    // Seed: workspace templates, namespaces labelled with their workspace, users. The objects
    // are shaped by the factory, as the app and the console write them.
    QElapsedTimer seed;
    seed.start();
    std::vector<nlohmann::json> wsObjects, nsObjects, userObjects;
    bench::addWorkspaces(factory, 0, workspaces, projectsPerWorkspace, wsObjects, nsObjects);
    bench::addUsers(factory, 0, users, userObjects);
    bool ok = bench::createAll(*client, api.workspaceTemplate, wsObjects, 16, "bench_gui").ok()
        && bench::createAll(*client, TenancyApi::namespaces, nsObjects, 16, "bench_gui").ok()
        && bench::createAll(*client, api.user, userObjects, 16, "bench_gui").ok();
    if (!ok)
        return 1;
    std::printf("seeded %d workspaces, %d projects, %d users in %.1f s (objects that existed are kept)\n\n", workspaces,
                workspaces * projectsPerWorkspace, users, seed.elapsed() / 1000.0);

    std::vector<AppRun> results;
    std::vector<double> kubectlJson, kubectlTable;
    qint64 jsonBytes = 0;
    for (int i = 0; i < runs; ++i) {
        results.push_back(bench::runApp(tenantry, kubeconfig, {}, "bench_gui"));
        kubectlJson.push_back(bench::timeKubectl({"get", "workspacetemplates.tenant.kubesphere.io,namespaces,users.iam.kubesphere.io",
                                           "-o", "json"}, kubeconfig, &jsonBytes, "bench_gui"));
        kubectlTable.push_back(bench::timeKubectl({"get", "workspacetemplates.tenant.kubesphere.io,namespaces,users.iam.kubesphere.io"},
                                           kubeconfig, nullptr, "bench_gui"));
    }
    auto col = [&](double AppRun::*field) {
        std::vector<double> v;
        for (const auto &r : results)
            v.push_back(r.*field);
        return v;
    };
    std::printf("| measure (median of %d runs) | value |\n|---|---|\n", runs);
    std::printf("| tenantry: process start -> first paint (own clock) | %.0f ms |\n", median(col(&AppRun::firstPaintMs)));
    std::printf("| tenantry: spawn -> first paint (seen from outside) | %.0f ms |\n", median(col(&AppRun::outsideFirstPaintMs)));
    std::printf("| tenantry: process start -> complete tree (own clock) | %.0f ms |\n", median(col(&AppRun::treeCompleteMs)));
    std::printf("| tenantry: spawn -> complete tree (seen from outside) | %.0f ms |\n", median(col(&AppRun::outsideTreeMs)));
    std::printf("| tenantry: resident memory at complete tree | %.0f MiB |\n", median(col(&AppRun::rssMiB)));
    std::printf("| kubectl get workspacetemplates,namespaces,users -o json (%.1f MiB) | %.0f ms |\n",
                jsonBytes / 1048576.0, median(kubectlJson));
    std::printf("| kubectl get workspacetemplates,namespaces,users (table) | %.0f ms |\n", median(kubectlTable));
    std::printf("\nThe complete tree is every tenancy kind listed and watched (23 resources: workspaces, namespaces,\n"
                "users, roles, bindings, templates, quotas, policies...), the tree built and shown; kubectl lists 3.\n");
    return 0;
}
