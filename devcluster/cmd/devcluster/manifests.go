// Applies a folder of YAML manifests with server-side apply (field manager "devcluster"),
// mapping kinds to resources through discovery; waits for new CRDs to be served.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"sigs.k8s.io/yaml"
)

type objectHead struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Metadata   struct {
		Name      string `json:"name"`
		Namespace string `json:"namespace"`
	} `json:"metadata"`
}

type apiResource struct {
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Namespaced bool   `json:"namespaced"`
}

func discoverResource(c *http.Client, server, apiVersion, kind string) (*apiResource, error) {
	path := "/apis/" + apiVersion
	if apiVersion == "v1" {
		path = "/api/v1"
	}
	resp, err := c.Get(server + path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("%s is not served (HTTP %d)", apiVersion, resp.StatusCode)
	}
	var list struct {
		Resources []apiResource `json:"resources"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		return nil, err
	}
	for _, r := range list.Resources {
		if r.Kind == kind && !strings.Contains(r.Name, "/") {
			return &r, nil
		}
	}
	return nil, fmt.Errorf("kind %s is not served in %s", kind, apiVersion)
}

func splitDocuments(data []byte) [][]byte {
	var docs [][]byte
	for _, part := range bytes.Split(append([]byte("\n"), data...), []byte("\n---")) {
		if len(bytes.TrimSpace(part)) > 0 {
			docs = append(docs, part)
		}
	}
	return docs
}

func applyManifests(c *http.Client, server, dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	applied := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		for i, doc := range splitDocuments(data) {
			js, err := yaml.YAMLToJSON(doc)
			if err != nil {
				return fmt.Errorf("%s document %d: %v", f, i+1, err)
			}
			if string(js) == "null" {
				continue
			}
			var head objectHead
			if err := json.Unmarshal(js, &head); err != nil {
				return fmt.Errorf("%s document %d: %v", f, i+1, err)
			}
			if err := applyOne(c, server, head, js); err != nil {
				return fmt.Errorf("%s document %d (%s %s): %v", f, i+1, head.Kind, head.Metadata.Name, err)
			}
			applied++
		}
	}
	fmt.Printf("devcluster: applied %d objects from %s\n", applied, dir)
	return nil
}

func applyOne(c *http.Client, server string, head objectHead, body []byte) error {
	var res *apiResource
	var err error
	// A kind defined by a CRD applied just before may take a moment to be served.
	deadline := time.Now().Add(60 * time.Second)
	for {
		if res, err = discoverResource(c, server, head.APIVersion, head.Kind); err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(300 * time.Millisecond)
	}
	if err != nil {
		return err
	}
	prefix := "/apis/" + head.APIVersion
	if head.APIVersion == "v1" {
		prefix = "/api/v1"
	}
	path := prefix + "/" + res.Name + "/" + head.Metadata.Name
	if res.Namespaced {
		ns := head.Metadata.Namespace
		if ns == "" {
			ns = "default"
		}
		path = prefix + "/namespaces/" + ns + "/" + res.Name + "/" + head.Metadata.Name
	}
	req, err := http.NewRequest(http.MethodPatch, server+path+"?fieldManager=devcluster&force=true", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/apply-patch+yaml")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("HTTP %d: %s", resp.StatusCode, strings.TrimSpace(string(msg)))
	}
	return nil
}
