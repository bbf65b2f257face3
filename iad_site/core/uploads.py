"""Uploaded images and documents: checked before they are stored, cleaned and resized when they are.

Images are decoded in full by Pillow, so a file that only *looks* like an image (right extension, damaged
or truncated data, a "decompression bomb" that is small on disk but huge in memory) is refused with a
reason staff can act on. Accepted images are re-encoded, which drops their metadata (EXIF, including the
GPS position a phone writes), and a few narrower WebP copies are written beside them for `srcset`. The
width and height are stored on the row when a file is saved, so pages never open the file to learn them.

Documents must really be PDFs: the file starts with the PDF header and ends with its end-of-file marker.

Use `ResponsiveImageField` for every image field, with `width_field` and `height_field` naming two
nullable integer fields beside it, and `PDF_VALIDATORS` on every document field.
"""

import io
import warnings
from pathlib import PurePosixPath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import get_image_dimensions
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# The formats the public site serves, by Pillow's name, with the extension a re-encoded file gets.
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
IMAGE_CONTENT_TYPES = "image/jpeg,image/png,image/webp"
# 15 MB is far more than any photo the site shows needs; 40 megapixels covers every camera the office
# uses while keeping a decoded image (4 bytes a pixel) under ~160 MB of memory.
MAX_IMAGE_BYTES = 15 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
IMAGE_HELP_TEXT = _(
    "A JPEG, PNG or WebP image of up to 15 MB and 40 megapixels. Location data stored in the file is removed."
)
# Widths of the WebP copies made at upload (only those narrower than the original).
RENDITION_WIDTHS = (480, 960, 1600)
JPEG_QUALITY = 88
WEBP_QUALITY = 82

MAX_PDF_BYTES = 20 * 1024 * 1024
PDF_HEADER = b"%PDF-"
# The PDF header may follow a little junk, and the end-of-file marker may be followed by some; readers
# tolerate both, so the checks look a short way in from each end.
PDF_HEADER_WINDOW = 1024
PDF_TRAILER_WINDOW = 2048


def _new_upload(value):
    """The uploaded file behind a field value, or None for a file already stored (checked on its way in)."""
    if value is None or not value:
        return None
    if isinstance(value, FieldFile):
        return None if value._committed else value.file
    return value


def _megapixels(pixels):
    return f"{pixels / 1_000_000:.1f}"


def open_image(file):
    """Decode an uploaded image fully and return it, or raise ValidationError saying what is wrong."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is %(size)s; the limit is %(limit)s. Save it smaller (e.g. 2000 pixels wide) and try again."),
            code="image_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_IMAGE_BYTES)},
        )
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its own limit; here any oversized image is refused below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(file)
    except Image.DecompressionBombError as error:
        raise _bomb_error() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not an image the site can use. Upload a JPEG, PNG or WebP image."),
            code="image_unreadable",
        ) from error
    if image.format not in IMAGE_FORMATS:
        raise ValidationError(
            _("This is a %(format)s image. The site accepts JPEG, PNG and WebP only: save it as one of those."),
            code="image_format",
            params={"format": image.format},
        )
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS:
        raise _bomb_error(width, height)
    try:
        image.load()
    except Image.DecompressionBombError as error:
        raise _bomb_error(width, height) from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise ValidationError(
            _(
                "The image file is damaged or incomplete (perhaps cut off while copying or downloading). "
                "Open it on your computer, save it again and upload the new file."
            ),
            code="image_truncated",
        ) from error
    return image


def _bomb_error(width=None, height=None):
    if width is None:
        return ValidationError(
            _("The image is far too large in pixels to open safely. The limit is %(limit)s megapixels."),
            code="image_too_many_pixels",
            params={"limit": _megapixels(MAX_IMAGE_PIXELS)},
        )
    return ValidationError(
        _(
            "The image is %(width)s × %(height)s pixels (%(megapixels)s megapixels); the limit is %(limit)s "
            "megapixels. Resize it (e.g. to 2000 pixels wide) and try again."
        ),
        code="image_too_many_pixels",
        params={
            "width": width,
            "height": height,
            "megapixels": _megapixels(width * height),
            "limit": _megapixels(MAX_IMAGE_PIXELS),
        },
    )


def validate_image_upload(value):
    """Model-field validator: a newly uploaded image must decode fully within the limits."""
    file = _new_upload(value)
    if file is None or getattr(file, "iad_checked", False):
        return
    open_image(file)
    file.iad_checked = True


def validate_pdf(value):
    """Model-field validator: a newly uploaded document must be a complete PDF within the size cap."""
    file = _new_upload(value)
    if file is None:
        return
    size = file.size
    if size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s. Save a smaller PDF (e.g. reduce image quality)."),
            code="pdf_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_PDF_BYTES)},
        )
    file.seek(0)
    head = file.read(PDF_HEADER_WINDOW)
    file.seek(max(size - PDF_TRAILER_WINDOW, 0))
    tail = file.read(PDF_TRAILER_WINDOW)
    file.seek(0)
    if PDF_HEADER not in head:
        raise ValidationError(
            _("This file is not a PDF, whatever its name says. Save or export the document as PDF and upload that."),
            code="not_pdf",
        )
    if b"%%EOF" not in tail or b"startxref" not in tail:
        raise ValidationError(
            _(
                "The PDF is damaged or incomplete (its end is missing). Save or export it again and upload the new file."
            ),
            code="pdf_truncated",
        )


PDF_VALIDATORS = [FileExtensionValidator(["pdf"]), validate_pdf]


def strip_and_encode(image):
    """The image re-encoded in its own format without metadata, upright (EXIF orientation applied)."""
    image_format = image.format
    icc_profile = image.info.get("icc_profile")
    clean = ImageOps.exif_transpose(image)
    # Start from a fresh info dict: only the colour profile survives; EXIF, XMP and text chunks do not.
    clean.info = {}
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "JPEG":
        if clean.mode not in ("RGB", "L"):
            clean = clean.convert("RGB")
        options.update(quality=JPEG_QUALITY, optimize=True, progressive=True)
    elif image_format == "WEBP":
        options.update(quality=WEBP_QUALITY, method=4)
    else:
        options.update(optimize=True)
    buffer = io.BytesIO()
    clean.save(buffer, format=image_format, **options)
    return clean, buffer.getvalue()


def rendition_name(name, width):
    """sister-cities/tokyo.jpg -> sister-cities/tokyo.480w.webp"""
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.{width}w.webp"))


def rendition_widths(original_width):
    return [width for width in RENDITION_WIDTHS if width < original_width]


def stored_image_dimensions(storage, name):
    """(width, height) of a stored image, reading only as far as its header; (None, None) if it is missing or
    not an image. Used when a stored file is assigned to a field, and by the migrations that filled in the
    rows saved before the numbers were stored."""
    try:
        with storage.open(name) as file:
            return get_image_dimensions(file)
    except (OSError, ValueError):
        return None, None


class ResponsiveImageFieldFile(ImageFieldFile):
    """An image file that is cleaned on save and knows its smaller WebP copies."""

    def save(self, name, content, save=True):
        try:
            image = open_image(content)
        except ValidationError:
            # Checking is the form's and full_clean()'s job, as for Django's own fields; code that saves a
            # file directly (tests, imports) gets it stored as given, without copies.
            content.seek(0)
            super().save(name, content, save)
            return
        clean, data = strip_and_encode(image)
        stem = slugify(PurePosixPath(name).stem) or "image"
        name = f"{stem}.{IMAGE_FORMATS[image.format]}"
        # Named, so that Django measures the stored image from this content (a nameless one counts as no file).
        super().save(name, ContentFile(data, name=name), save)
        self._write_renditions(clean)

    save.alters_data = True

    def _write_renditions(self, image):
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA" if "transparency" in image.info else "RGB")
        for width in rendition_widths(image.width):
            copy = image.copy()
            copy.thumbnail((width, image.height), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            copy.save(buffer, format="WEBP", quality=WEBP_QUALITY, method=4)
            target = rendition_name(self.name, width)
            self.storage.delete(target)
            self.storage.save(target, ContentFile(buffer.getvalue()))

    def delete(self, save=True):
        if self.name:
            for width in RENDITION_WIDTHS:
                self.storage.delete(rendition_name(self.name, width))
        super().delete(save)

    delete.alters_data = True

    # Width and height as stored on the row (the field's width_field and height_field), never read from
    # the file: None when unknown (no file, or one that could not be read as an image when it was saved).
    @property
    def width(self):
        return getattr(self.instance, self.field.width_field) if self.field.width_field else None

    @property
    def height(self):
        return getattr(self.instance, self.field.height_field) if self.field.height_field else None

    def measure(self):
        """(width, height) read from the file itself, the upload not yet stored or the stored file; (None,
        None) if it is missing or not an image."""
        if self._committed:
            return stored_image_dimensions(self.storage, self.name)
        try:
            return get_image_dimensions(self.file)
        except (OSError, ValueError):
            return None, None

    @property
    def srcset(self):
        """'…/tokyo.480w.webp 480w, …/tokyo.jpg 1200w' for an <img srcset>; empty if nothing to choose."""
        if not self.name:
            return ""
        width = self.width
        if not width:
            return ""
        widths = rendition_widths(width)
        if not widths:
            return ""
        candidates = [f"{self.storage.url(rendition_name(self.name, w))} {w}w" for w in widths]
        candidates.append(f"{self.url} {width}w")
        return ", ".join(candidates)

    @property
    def smallest_url(self):
        """The smallest copy there is (for admin thumbnails), or the original."""
        widths = rendition_widths(self.width) if self.name and self.width else []
        return self.storage.url(rendition_name(self.name, widths[0])) if widths else self.url


class ImageUploadFormField(forms.ImageField):
    """The admin's image input: accepts the served formats only and says why a file is refused."""

    # The content decides, not the name: open_image() reads the real format and the stored file is
    # renamed to match it, so Django's extension check would only refuse good photos named oddly.
    default_validators = []

    def to_python(self, data):
        file = forms.FileField.to_python(self, data)
        if file is None:
            return None
        image = open_image(file)
        file.image = image
        file.content_type = Image.MIME.get(image.format)
        file.iad_checked = True
        file.seek(0)
        return file

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = IMAGE_CONTENT_TYPES
        return attrs


class ResponsiveImageField(models.ImageField):
    """An ImageField whose uploads are decoded and limited, stored without metadata, with WebP copies."""

    attr_class = ResponsiveImageFieldFile
    default_validators = [validate_image_upload]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", IMAGE_HELP_TEXT)
        super().__init__(*args, **kwargs)

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        # Django calls this after every load from the database too (force=False) and, for a row whose
        # numbers are empty, opens the file each time: here they change only when a file is saved or
        # assigned (force=True), and a row left without them (a missing file) stays so until then.
        if not force or not (self.width_field or self.height_field):
            return
        file = getattr(instance, self.attname)
        width, height = file.measure() if file else (None, None)
        if self.width_field:
            setattr(instance, self.width_field, width)
        if self.height_field:
            setattr(instance, self.height_field, height)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadFormField, **kwargs})
