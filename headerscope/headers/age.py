"""Age: seconds since the response was generated or validated at the origin (RFC 9111, 5.1).

    Age = delay-seconds
    delay-seconds = 1*DIGIT
"""

from ._families import int_field

AGE = int_field("Age", "RFC 9111, 5.1", what="a number of seconds", example="60")
