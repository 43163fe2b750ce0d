"""The API's errors: JSON `{"code": ..., "message": "<中文>"}` for every refusal."""

from ninja import Schema


class ErrorOut(Schema):
    code: str
    message: str


class ApiError(Exception):
    """A refusal with its status, code and the message shown to the caller's user."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
