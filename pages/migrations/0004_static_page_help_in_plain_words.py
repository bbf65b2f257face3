"""The static page text's help in plain words: the admin drew the HTML tags it named."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_checked_uploads"),
    ]

    operations = [
        migrations.AlterField(
            model_name="staticpage",
            name="body",
            field=models.TextField(
                help_text="Written in HTML: paragraphs (p), headings (h2), lists (ul, ol) and links (a). Scripts are removed.",
                verbose_name="text",
            ),
        ),
        migrations.AlterField(
            model_name="staticpage",
            name="body_en",
            field=models.TextField(
                help_text="Written in HTML: paragraphs (p), headings (h2), lists (ul, ol) and links (a). Scripts are removed.",
                null=True,
                verbose_name="text",
            ),
        ),
        migrations.AlterField(
            model_name="staticpage",
            name="body_th",
            field=models.TextField(
                help_text="Written in HTML: paragraphs (p), headings (h2), lists (ul, ol) and links (a). Scripts are removed.",
                null=True,
                verbose_name="text",
            ),
        ),
    ]
