"""Checks a synthetic COCO folder with an independent PNG decoder (PIL: zlib stream and chunk CRCs) and an
independent point-in-polygon test: every pixel inside an annotation's polygon (and not under a later one) has one
colour, the shape's; every pixel outside all polygons is the dark background (each channel at most 63). Pixels
within one pixel of an edge are left out (sampling at the pixel centre decides them). Prints a JSON report."""
import json
import sys

from PIL import Image


def inside(polygon, x, y):
    crossing = False
    for i, (x1, y1) in enumerate(polygon):
        x2, y2 = polygon[(i + 1) % len(polygon)]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossing = not crossing
    return crossing


def near_edge(polygon, x, y, margin=1.0):
    for i, (x1, y1) in enumerate(polygon):
        x2, y2 = polygon[(i + 1) % len(polygon)]
        dx, dy = x2 - x1, y2 - y1
        t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
        if (x1 + t * dx - x) ** 2 + (y1 + t * dy - y) ** 2 < margin * margin:
            return True
    return False


root = sys.argv[1]
coco = json.load(open(f"{root}/annotations/instances_train2017.json"))
report = {"images": 0, "inside": 0, "outside": 0, "problems": []}
for image in coco["images"]:
    name = image["file_name"]
    path = f"{root}/train2017/{name}"
    try:
        Image.open(path).verify()  # chunk CRCs
        picture = Image.open(path)
        picture.load()  # the zlib stream
    except Exception as error:
        report["problems"].append(f"{name}: {error}")
        continue
    report["images"] += 1
    if picture.size != (image["width"], image["height"]) or picture.mode != "RGB":
        report["problems"].append(f"{name}: {picture.mode} {picture.size}, not RGB {image['width']}x{image['height']}")
        continue
    pixels = picture.load()
    annotations = [a for a in coco["annotations"] if a["image_id"] == image["id"]]
    polygons = [list(zip(a["segmentation"][0][0::2], a["segmentation"][0][1::2])) for a in annotations]
    colours = {}
    for y in range(picture.height):
        for x in range(picture.width):
            cx, cy = x + 0.5, y + 0.5
            if any(near_edge(p, cx, cy) for p in polygons):
                continue
            owners = [k for k, p in enumerate(polygons) if inside(p, cx, cy)]
            if owners:
                report["inside"] += 1
                colours.setdefault(owners[-1], set()).add(pixels[x, y])
            else:
                report["outside"] += 1
                if max(pixels[x, y]) > 63:
                    report["problems"].append(f"{name}: pixel ({x}, {y}) is {pixels[x, y]}, outside every polygon")
    for k, found in sorted(colours.items()):
        if len(found) != 1:
            report["problems"].append(f"{name}: annotation {annotations[k]['id']} covers {len(found)} colours, not one")
print(json.dumps(report))
