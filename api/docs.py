"""The API's docs page: a plain page of the project, built from the OpenAPI schema, so that it
needs no script (the site's Content-Security-Policy allows none but its own)."""

from django.shortcuts import render
from ninja.openapi.docs import DocsBase

METHODS = ("get", "post", "put", "patch", "delete")


def _type(spec: dict) -> str:
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in spec:
        return " or ".join(_type(option) for option in spec["anyOf"])
    if spec.get("type") == "array":
        return f"list of {_type(spec.get('items', {}))}"
    if "enum" in spec:
        return " | ".join(f'"{value}"' for value in spec["enum"])
    if "const" in spec:
        return f'"{spec["const"]}"'
    return spec.get("format") or spec.get("type", "any")


def operations(schema: dict) -> list[dict]:
    found = []
    for path, entries in schema.get("paths", {}).items():
        for method in METHODS:
            if method not in entries:
                continue
            entry = entries[method]
            body = entry.get("requestBody", {}).get("content", {}).get("application/json", {})
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": entry.get("summary", ""),
                    "description": entry.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "type": _type(p.get("schema", {})),
                            "description": p.get("description", ""),
                        }
                        for p in entry.get("parameters", [])
                    ],
                    "body": _type(body["schema"]) if body else "",
                    "responses": [
                        {
                            "status": status,
                            "type": _type(
                                answer.get("content", {})
                                .get("application/json", {})
                                .get("schema", {})
                            ),
                            "description": answer.get("description", ""),
                        }
                        for status, answer in entry.get("responses", {}).items()
                    ],
                }
            )
    return found


def shapes(schema: dict) -> list[dict]:
    found = []
    for name, spec in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(spec.get("required", []))
        found.append(
            {
                "name": name,
                "description": spec.get("description", ""),
                "fields": [
                    {
                        "name": field,
                        "type": _type(value),
                        "required": field in required,
                        "description": value.get("description", ""),
                    }
                    for field, value in spec.get("properties", {}).items()
                ],
            }
        )
    return found


class SchemaPage(DocsBase):
    def render_page(self, request, api, **kwargs):
        schema = api.get_openapi_schema(path_params=kwargs)
        context = {
            "api": api,
            "openapi_url": self.get_openapi_url(api, kwargs),
            "operations": operations(schema),
            "shapes": shapes(schema),
        }
        return render(request, "api/docs.html", context)
