package org.yidan.settlement.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.postgresql.util.PGobject;

import java.sql.SQLException;

/**
 * JSON text in a {@code jsonb} column. PostgreSQL does not take a {@code varchar} parameter for a {@code jsonb}
 * column, so the text goes to the driver typed as {@code jsonb}.
 */
@Converter
public class JsonbText implements AttributeConverter<String, Object> {

    @Override
    public Object convertToDatabaseColumn(String json) {
        if (json == null) {
            return null;
        }
        PGobject value = new PGobject();
        value.setType("jsonb");
        try {
            value.setValue(json);
        } catch (SQLException impossible) {
            throw new IllegalStateException(impossible);
        }
        return value;
    }

    @Override
    public String convertToEntityAttribute(Object column) {
        return column == null ? null : column.toString();
    }
}
