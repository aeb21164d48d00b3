// A window of its own for the permission workbench (View → Permissions…, Ctrl+P, and
// File → Open manifests… for offline analysis), with the objects of a path opened as YAML.
#pragma once

#include "views/permissionworkbenchwidget.h"

#include <QMainWindow>

class PermissionsWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // `source` is shown; the window owns it when `own` (offline manifests).
    PermissionsWindow(PermissionSource *source, bool own, const QString &title, QWidget *parent = nullptr);

    // Reads a manifest folder or file in the background and shows it.
    static PermissionsWindow *openManifests(const QString &path, QWidget *parent = nullptr);

    PermissionWorkbenchWidget *workbench() const { return m_widget; }

    // Opens a path object of `workbench` as read-only YAML (fetched off the GUI thread).
    static void showObject(PermissionWorkbench *workbench, const PathObject &object, QWidget *parent);

private:
    PermissionWorkbenchWidget *m_widget;
};
