from django.conf import settings
from django.db import models, transaction
from django.urls import reverse

from duban.audit.log import record
from duban.lib.stored_files import StoredUpload, random_upload_name
from duban.progress.actions import AttachmentAction
from duban.progress.models.reports import Report


def evidence_path(instance: "Attachment", filename: str) -> str:
    """A random name under evidence/ (migrations name this function)."""
    return random_upload_name("evidence", filename)


class Attachment(StoredUpload):
    """An evidence file on a report, stored outside the web root and served by a checked view."""

    report = models.ForeignKey(
        Report, models.CASCADE, related_name="attachments", verbose_name="报告"
    )
    file = models.FileField("文件", upload_to=evidence_path, max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="evidence_uploads",
        verbose_name="上传人",
    )

    class Meta:
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"
        ordering = ["report_id", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "file_hash"], name="progress_attachment_unique_report_hash"
            ),
        ]
        indexes = [
            # A report's files in upload order.
            models.Index(fields=["report", "created_at"], name="progress_attachment_report"),
        ]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("progress:attachment-download", args=[self.pk])

    @classmethod
    @transaction.atomic
    def add(cls, report: Report, upload, user) -> "Attachment":
        """Check, store and record an uploaded file; raise EvidenceError with the reason.

        Only the report's unit adds files, while it may still edit the report.
        """
        from duban.progress.files import EvidenceError, check_evidence, sanitise_name, sha256_of

        report.require_editable(user)
        name = sanitise_name(upload.name)
        max_bytes = settings.DUBAN_MAX_EVIDENCE_BYTES
        sniffed = check_evidence(upload, name, upload.size, max_bytes)
        digest = sha256_of(upload)
        if report.attachments.filter(file_hash=digest).exists():
            raise EvidenceError("该文件已上传过。")
        attachment = cls(
            report=report,
            original_name=name,
            content_type=sniffed.content_type,
            file_size=upload.size,
            file_hash=digest,
            uploaded_by=user,
        )
        attachment.file.save(name, upload, save=False)
        # A failed insert must not leave an orphan file behind.
        try:
            attachment.save()
            record(
                AttachmentAction.ADDED,
                report,
                user=user,
                data={"attachment": attachment.pk, "name": name, "sha256": digest},
            )
        except Exception:
            attachment.file.delete(save=False)
            raise
        return attachment

    @transaction.atomic
    def remove(self, user) -> None:
        """Delete the file while its report may still be edited by the report's unit."""
        report = self.report
        report.require_editable(user)
        data = {"attachment": self.pk, "name": self.original_name, "sha256": self.file_hash}
        self.delete()
        transaction.on_commit(lambda: self.file.delete(save=False))
        record(AttachmentAction.REMOVED, report, user=user, data=data)
